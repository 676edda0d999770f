namespace WorkOrders.Prediction.Rul;

/// <summary>One cycle of one unit: its feature values in the order of <see cref="RulDataset.FeatureNames"/>.</summary>
public sealed record RulRow(string Unit, double Cycle, IReadOnlyList<double> Values);
