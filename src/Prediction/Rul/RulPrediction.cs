namespace WorkOrders.Prediction.Rul;

/// <summary>Remaining cycles after a unit's last row, a 90% band from held-out residuals, and P(failure within the horizon).</summary>
public sealed record RulPrediction(string Unit, double Rul, double Lower, double Upper, double FailureProbability);
