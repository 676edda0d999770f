namespace WorkOrders.Grains.Devices;

/// <summary>What a grain did with a batch: how many samples were new, duplicates, or too late to score.</summary>
[GenerateSerializer, Immutable, Alias("pdm.record-result")]
public sealed record RecordResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] int LateUnscored,
    [property: Id(3)] double LastScore);
