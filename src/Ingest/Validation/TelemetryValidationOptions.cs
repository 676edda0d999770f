using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Ingest.Validation;

/// <summary>Bound from <c>Ingest:Validation</c>.</summary>
public sealed class TelemetryValidationOptions
{
    public const string Section = "Ingest:Validation";

    [Range(256, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    [Range(1, 100_000)]
    public int MaxSamplesPerMessage { get; set; } = 1_000;

    [Range(1, 1_000)]
    public int MaxReadingsPerSample { get; set; } = 100;

    /// <summary>How far ahead of the server's clock a sample's timestamp may be.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old a sample may be (an edge outbox drains a long outage's backlog).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Absolute bound for any reading without a more specific range.</summary>
    [Range(1d, double.MaxValue)]
    public double MaxAbsoluteValue { get; set; } = 1e9;

    /// <summary>Allowed ranges by reading-name suffix (e.g. <c>_pct</c>) or full name; the longest match wins.</summary>
    public Dictionary<string, ValueRange> Ranges { get; set; } = new(StringComparer.Ordinal)
    {
        ["_c"] = new(-100, 1_500),
        ["_pct"] = new(0, 100),
        ["_hpa"] = new(0, 5_000),
        ["_rpm"] = new(0, 100_000),
    };
}

/// <summary>An inclusive range of allowed values.</summary>
public sealed record ValueRange(double Min, double Max)
{
    public ValueRange()
        : this(double.MinValue, double.MaxValue)
    {
    }
}
