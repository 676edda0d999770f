namespace WorkOrders.Prediction.Rul;

/// <summary>Errors on held-out units (target capped like the training target), next to a constant-mean baseline.</summary>
public sealed record RulMetrics(
    int TrainingUnits,
    int HoldoutUnits,
    int TrainingRows,
    double HoldoutRmse,
    double HoldoutMae,
    double BaselineRmse,
    double HoldoutLastWindowRmse);
