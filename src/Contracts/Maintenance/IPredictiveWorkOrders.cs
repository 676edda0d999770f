namespace WorkOrders.Contracts.Maintenance;

/// <summary>
/// What a device grain needs from the work-order pipeline: open (or find) the one preventive order
/// of an anomaly episode. Implementations are idempotent on <see cref="PredictiveWorkOrderRequest.IdempotencyKey"/>.
/// </summary>
public interface IPredictiveWorkOrders
{
    Task<OpenedWorkOrder> OpenPredictiveAsync(PredictiveWorkOrderRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A failure predicted for a device, as the grain saw it.</summary>
/// <param name="IdempotencyKey">Deterministic per episode, e.g. <c>pump-17/episode/3</c>: a retry never opens a second order.</param>
/// <param name="Severity">0..1, how far the episode's peak score went.</param>
/// <param name="Explanation">Human-readable: which channels drove the score and how far each is from its normal.</param>
/// <param name="PredictedFailureAt">The remaining-useful-life model's point forecast of the failure, if one was active.</param>
/// <param name="ModelVersion">The model version the grain ran when the episode opened (<c>pump-v3</c>), if any.</param>
/// <param name="FailureWindowStart">The lower edge of the forecast's uncertainty band: the failure window opens here.</param>
/// <param name="FailureWindowEnd">The upper edge of the band.</param>
/// <param name="FailureProbability">0..1, probability of failure within the planner's horizon.</param>
public sealed record PredictiveWorkOrderRequest(
    string IdempotencyKey,
    string DeviceId,
    string AssetType,
    string? Site,
    string Title,
    string Explanation,
    double Severity,
    DateTimeOffset DetectedAt,
    DateTimeOffset? PredictedFailureAt,
    string? ModelVersion = null,
    DateTimeOffset? FailureWindowStart = null,
    DateTimeOffset? FailureWindowEnd = null,
    double? FailureProbability = null);

/// <summary>The order that exists for a request, whether it was just opened or had been opened before.</summary>
public sealed record OpenedWorkOrder(Guid Id, string Number, string? AssigneeId, bool Created);
