namespace WorkOrders.Grains.Devices;

/// <summary>Validated samples of one device, handed from ingest to the device's grain.</summary>
[GenerateSerializer, Immutable, Alias("pdm.telemetry-batch")]
public sealed record TelemetryBatch([property: Id(0)] IReadOnlyList<TelemetryPoint> Samples);

/// <summary>One validated sample.</summary>
[GenerateSerializer, Immutable, Alias("pdm.telemetry-point")]
public sealed record TelemetryPoint(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] IReadOnlyDictionary<string, double> Readings,
    [property: Id(3)] DateTimeOffset? ReceivedAt = null);
