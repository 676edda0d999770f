namespace WorkOrders.Prediction.Rul;

/// <summary>Held-out residuals (truth − prediction) for predictions up to <see cref="UpTo"/>, as quantiles 5%, 10%, …, 95%.</summary>
public sealed record ResidualBand(double UpTo, IReadOnlyList<double> Quantiles);
