namespace WorkOrders.Prediction.Lifecycle;

/// <summary>A RUL model's forecast in time: the point estimate, its 90% band, and P(failure within the model's horizon).</summary>
public sealed record RulForecast(
    DateTimeOffset PredictedFailureAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    double FailureProbability,
    double RemainingCycles);
