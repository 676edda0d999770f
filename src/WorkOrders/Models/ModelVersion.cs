namespace WorkOrders.Maintenance.Models;

/// <summary>
/// A trained model bundle for an asset type (anomaly baseline and, where run-to-failure history existed, a RUL model),
/// with the holdout metrics it was judged by. Change <see cref="Status"/> only through <see cref="ModelRegistry"/>.
/// </summary>
public sealed class ModelVersion
{
    public Guid Id { get; set; }

    /// <summary>Lower-case code, like the registry's asset types.</summary>
    public required string AssetType { get; set; }

    /// <summary>1, 2, 3 … per asset type.</summary>
    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset TrainedFrom { get; set; }

    public DateTimeOffset TrainedTo { get; set; }

    /// <summary>The devices whose history was used, comma-separated.</summary>
    public string Devices { get; set; } = "";

    /// <summary>Holdout metrics as a JSON object (e.g. baseline reconstruction error, RUL RMSE/MAE).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary>The bundle (<c>WorkOrders.Prediction.Lifecycle.ModelArtifact</c>), opaque to the store.</summary>
    public byte[] Artifact { get; set; } = [];

    public ModelVersionStatus Status { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public string? ActivatedBy { get; set; }

    /// <summary>The version that was active when this one was activated: where a rollback goes back to.</summary>
    public Guid? PreviousActiveId { get; set; }

    /// <summary>Optimistic concurrency token: every update increments it.</summary>
    public int Concurrency { get; set; }

    /// <summary>How work orders and grains name the version: <c>pump-v3</c>.</summary>
    public string Label => ModelVersionLabels.Of(AssetType, Number);
}
