namespace WorkOrders.Maintenance.Outcomes;

/// <summary>A recorded outcome as the API shows it; <see cref="Finding"/> in its wire form.</summary>
public sealed record OutcomeView(
    Guid WorkOrderId,
    string WorkOrderNumber,
    string DeviceId,
    string? AssetType,
    string? ModelVersion,
    string Finding,
    string? FailureMode,
    string? Note,
    DateTimeOffset EpisodeStart,
    DateTimeOffset EpisodeEnd,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    public static OutcomeView From(PredictionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(
            outcome.WorkOrderId, outcome.WorkOrderNumber, outcome.DeviceId, outcome.AssetType, outcome.ModelVersion,
            OutcomeFindings.ToWire(outcome.Finding), outcome.FailureMode, outcome.Note, outcome.EpisodeStart,
            outcome.EpisodeEnd, outcome.RecordedAt, outcome.RecordedBy);
    }
}
