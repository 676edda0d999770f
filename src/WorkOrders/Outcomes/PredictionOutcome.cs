namespace WorkOrders.Maintenance.Outcomes;

/// <summary>
/// What the engineer found when closing a predictive work order: a label for the next training run and for the
/// precision of the model version that raised the order. One per work order.
/// </summary>
public sealed class PredictionOutcome
{
    public Guid WorkOrderId { get; set; }

    public required string WorkOrderNumber { get; set; }

    public required string DeviceId { get; set; }

    public string? AssetType { get; set; }

    /// <summary>The episode's window: from its detection to the outcome (the fault was there, or not, in between).</summary>
    public DateTimeOffset EpisodeStart { get; set; }

    public DateTimeOffset EpisodeEnd { get; set; }

    /// <summary>The model version that raised the order (<c>pump-v3</c>); null when none was active.</summary>
    public string? ModelVersion { get; set; }

    public OutcomeFinding Finding { get; set; }

    public string? FailureMode { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}
