namespace WorkOrders.Grains.Devices;

/// <summary>A device's health as the UI and the API show it.</summary>
[GenerateSerializer, Immutable, Alias("pdm.device-snapshot")]
public sealed record DeviceSnapshot(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string? AssetType,
    [property: Id(2)] string? Site,
    [property: Id(3)] long SamplesReceived,
    [property: Id(4)] long? LastSeq,
    [property: Id(5)] DateTimeOffset? LastSeenAt,
    [property: Id(6)] IReadOnlyDictionary<string, double> LatestReadings,
    [property: Id(7)] double AnomalyScore,
    [property: Id(8)] string? Explanation,
    [property: Id(9)] EpisodeSnapshot? OpenEpisode,
    [property: Id(10)] long Duplicates);

/// <summary>The device's open anomaly episode and the work order it opened.</summary>
[GenerateSerializer, Immutable, Alias("pdm.episode-snapshot")]
public sealed record EpisodeSnapshot(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] double Severity,
    [property: Id(3)] string? Explanation,
    [property: Id(4)] string? WorkOrderNumber);
