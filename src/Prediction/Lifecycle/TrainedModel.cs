namespace WorkOrders.Prediction.Lifecycle;

/// <summary>A trained bundle, the devices it learned from, and its holdout metrics (stored as the version's JSON).</summary>
public sealed record TrainedModel(ModelBundle Bundle, IReadOnlyList<string> Devices, TrainingMetrics Metrics);

/// <summary>
/// Holdout figures: the baseline's mean reconstruction error (residual energy per sample, in robust σ²) on held-out
/// normal windows next to the training windows' (a ratio near 1 means it generalises); RUL RMSE/MAE in cycles on
/// held-out units; and how much labelled data shaped the run.
/// </summary>
public sealed record TrainingMetrics(
    IReadOnlyList<string> Channels,
    int TrainingDevices,
    int HoldoutDevices,
    int NormalSamples,
    int KnownNormalSamples,
    int ExcludedSamples,
    double? BaselineTrainError,
    double? BaselineHoldoutError,
    string? BaselineSkipped,
    int RulUnits,
    double? RulHoldoutRmse,
    double? RulHoldoutMae,
    string? RulSkipped);
