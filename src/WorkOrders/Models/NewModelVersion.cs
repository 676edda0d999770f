namespace WorkOrders.Maintenance.Models;

/// <summary>A trained bundle to store as a candidate.</summary>
public sealed record NewModelVersion(
    string AssetType,
    DateTimeOffset TrainedFrom,
    DateTimeOffset TrainedTo,
    IReadOnlyList<string> Devices,
    string MetricsJson,
    byte[] Artifact);
