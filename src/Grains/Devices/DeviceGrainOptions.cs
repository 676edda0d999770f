using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Grains.Devices;

/// <summary>Bound from the configuration section <c>Devices</c>.</summary>
public sealed class DeviceGrainOptions
{
    public const string Section = "Devices";

    /// <summary>Write the grain's state after this many new samples (in the background; episode and model changes are written before the batch returns).</summary>
    [Range(1, 1_000_000)]
    public int SaveEverySamples { get; set; } = 500;

    /// <summary>
    /// Write the grain's state at least this often while samples arrive. What waits for it is only derived state (seq
    /// ranges, the detector's learned baseline): episodes and model changes are written through, and the telemetry is in
    /// the store. Each write serializes ~5.7 KB of JSON; every 30 s that was 330 writes a second at 10,000 devices and
    /// tripled the e2e p99 (docs/benchmarks.md), hence minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When a periodic state write failed, write again after this long (the state stays dirty meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SaveRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often to retry opening a work order that failed to open (database down).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WorkOrderRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Asset type used when the registry does not know the device's type.</summary>
    [Required]
    public string DefaultAssetType { get; set; } = "generic";
}
