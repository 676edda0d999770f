namespace WorkOrders.Prediction.Rul;

/// <summary>What a saved RUL model is: its inputs, how it was trained, how well it did on held-out units.</summary>
public sealed record RulModelManifest(
    int FormatVersion,
    string ModelKind,
    string LibraryVersion,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> UsedFeatures,
    IReadOnlyList<string> ModelInputs,
    int OperatingRegimes,
    int WindowCycles,
    double RulCap,
    double Horizon,
    RulMetrics Metrics,
    IReadOnlyList<ResidualBand> Bands)
{
    public const int CurrentFormatVersion = 1;
}
