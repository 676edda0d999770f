using System.Text.Json;

namespace WorkOrders.Maintenance.Models;

/// <summary>A model version as the API shows it (without the artifact's bytes).</summary>
public sealed record ModelVersionView(
    Guid Id,
    string AssetType,
    int Number,
    string Label,
    ModelVersionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset TrainedFrom,
    DateTimeOffset TrainedTo,
    IReadOnlyList<string> Devices,
    JsonElement Metrics,
    int ArtifactBytes,
    DateTimeOffset? ActivatedAt,
    string? ActivatedBy)
{
    public static ModelVersionView From(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        using var metrics = JsonDocument.Parse(version.MetricsJson);
        return new(
            version.Id, version.AssetType, version.Number, version.Label, version.Status, version.CreatedAt,
            version.TrainedFrom, version.TrainedTo,
            version.Devices.Split(',', StringSplitOptions.RemoveEmptyEntries), metrics.RootElement.Clone(),
            version.Artifact.Length, version.ActivatedAt, version.ActivatedBy);
    }
}
