namespace WorkOrders.Simulators;

/// <summary>A plant; devices are scattered a few hundred metres around its coordinates.</summary>
public sealed record SiteSpec(string Name, double Latitude, double Longitude, double AmbientMeanC = 15, double AmbientSwingC = 6);

/// <summary><see cref="Count"/> devices of one asset type at one site, named <c>{IdPrefix}-{n:D2}</c> (n from 1).</summary>
public sealed record FleetGroupSpec(string AssetType, string Site, int Count, string? IdPrefix = null);

/// <summary>
/// A fault of <see cref="Device"/>: it begins <see cref="BeginsAtSeconds"/> after the start (negative: it was already developing)
/// and reaches failure <see cref="TimeToFailureSeconds"/> later. <see cref="Channel"/> names the reading of a sensor fault.
/// </summary>
public sealed record FaultSpec(string Device, string Kind, double BeginsAtSeconds, double TimeToFailureSeconds, string? Channel = null);

/// <summary>Maintenance of <see cref="Device"/> at <see cref="AtSeconds"/>: resets wear and repairs every fault begun before it.</summary>
public sealed record MaintenanceSpec(string Device, double AtSeconds);

/// <summary>Sensor imperfections applied to every device.</summary>
public sealed record SensorSpec(double NoiseScale = 1, double DropoutProbability = 0.002);

/// <summary>Network trouble between the devices and the broker.</summary>
public sealed record NetworkSpec
{
    /// <summary>Connection drops: the will fires, samples queue in the device's outbox and drain as one batch on reconnect.</summary>
    public IReadOnlyList<NetworkWindowSpec> Disconnects { get; init; } = [];

    /// <summary>Samples are held and then sent back to back, one message each, when the window ends.</summary>
    public IReadOnlyList<NetworkWindowSpec> Bursts { get; init; } = [];

    /// <summary>Samples are held and then sent as one batch message when the window ends.</summary>
    public IReadOnlyList<NetworkWindowSpec> DelayedBatches { get; init; } = [];

    /// <summary>Probability that a sample message is published twice (same seq).</summary>
    public double DuplicateProbability { get; init; }

    /// <summary>Probability that a malformed message is published on a device's telemetry topic after a sample.</summary>
    public double MalformedProbability { get; init; }
}

/// <summary>A window of trouble; <see cref="Device"/> is a device id, or <c>*</c> for every device.</summary>
public sealed record NetworkWindowSpec(string Device, double AtSeconds, double ForSeconds);

/// <summary>Per-device MQTT credentials; <c>{deviceId}</c> in either template is replaced by the device id.</summary>
public sealed record CredentialsSpec(string Username, string Password);
