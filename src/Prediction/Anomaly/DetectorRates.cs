namespace WorkOrders.Prediction.Anomaly;

/// <summary>Learning rates and limits derived once from <see cref="AnomalyDetectorOptions"/>.</summary>
internal readonly record struct DetectorRates(
    double Level,
    double Trend,
    double Scale,
    double Subspace,
    double Drift,
    double Roughness,
    double Slope,
    double ZClip,
    double FreezeSigmas,
    double OutOfNormalSpreadFactor,
    double Clip,
    double GapFactor,
    int AcceptShiftAfter,
    double Reference)
{
    /// <summary>E|e| = σ·√(2/π) for Gaussian noise: mean absolute deviations are turned into sigmas with this.</summary>
    public const double SigmaPerMeanAbsoluteDeviation = 1.2533141373155003;

    public static DetectorRates From(AnomalyDetectorOptions options) => new(
        Level: 1.0 / options.LevelMemorySamples,
        Trend: 1.0 / options.TrendMemorySamples,
        Scale: 1.0 / options.ScaleMemorySamples,
        Subspace: 1.0 / options.ScaleMemorySamples,
        Drift: 1.0 / options.DriftMemorySamples,
        Roughness: 0.5 / options.DriftMemorySamples,
        Slope: 1.0 / options.SlopeMemorySamples,
        ZClip: 10.0,
        FreezeSigmas: 3.5,
        OutOfNormalSpreadFactor: 0.3,
        Clip: 3.0,
        GapFactor: options.GapFactor,
        AcceptShiftAfter: options.AcceptShiftAfter,
        Reference: options.ReferenceMemorySamples > 0 ? 1.0 / options.ReferenceMemorySamples : 0);

    /// <summary>Smallest spread a channel may have: keeps a constant signal from dividing by zero.</summary>
    public static double SpreadFloor(double level) => 1e-9 + 1e-4 * Math.Abs(level);
}
