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
    double ReferenceTicks,
    bool Regimes,
    bool RegimesFromJumps = false,
    bool CommonMovement = false,
    double StepBeyondLevel = 0,
    bool ReferencePerRegime = false,
    bool FollowWithoutLeader = false,
    bool RebaselineRegimeLevels = false,
    bool FollowerLevelsMoveTogether = false,
    bool LoadConditionedTemperature = false,
    double LoadLagSeconds = 1200,
    double LoadRelationSeconds = 86_400,
    double QuietSpellNoiseShare = 0,
    bool AmbientDailyCycle = false)
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
        ReferenceTicks: options.ReferenceMemoryHours * TimeSpan.TicksPerHour,
        Regimes: options.OperatingRegimes,
        RegimesFromJumps: options.OperatingRegimes && options.RegimesFromJumps,
        CommonMovement: options.CommonMovement,
        StepBeyondLevel: options.StepBeyondLevelSigmas,
        ReferencePerRegime: options.OperatingRegimes && options.ReferencePerRegime,
        FollowWithoutLeader: options.OperatingRegimes && (options.RegimesFromJumps || options.FollowWithoutLeader),
        RebaselineRegimeLevels: options.OperatingRegimes && options.RebaselineRegimeLevels,
        FollowerLevelsMoveTogether: options.OperatingRegimes && options.FollowerLevelsMoveTogether,
        LoadConditionedTemperature: options.LoadConditionedTemperature,
        LoadLagSeconds: options.LoadLagMinutes * 60,
        LoadRelationSeconds: options.LoadRelationMemoryHours * 3600,
        QuietSpellNoiseShare: options.QuietSpellNoiseShare,
        AmbientDailyCycle: options.LoadConditionedTemperature && options.AmbientDailyCycle);

    /// <summary>
    /// Version 9: the load-conditioned temperature's residual spread remembers this many times the relation's memory,
    /// so an overheating that grows over a day (the fault's rise ∝ t²) does not widen its own yardstick as fast as it grows.
    /// </summary>
    public const double DailyCycleSpreadMemoryFactor = 3;

    /// <summary>Separate jumps to the same other level after which it is a known operating regime.</summary>
    public const int RegimeVisits = 3;

    /// <summary>Smallest residual sigma of a channel with a known regime, as a share of the gap between its two levels.</summary>
    public const double RegimeGapFloor = 0.01;

    /// <summary>Gap, in either regime's sigmas, a channel's two regimes need before it may lead the device's regime.</summary>
    public const double LeaderGapSigmas = 20;

    /// <summary>Regime switches a following channel sits out (unscored, learning fast) while it learns its level in each regime.</summary>
    public const int FollowerCalibrationSwitches = 6;

    /// <summary>A residual beyond this many sigmas is a departure from the channel's level (a candidate regime).</summary>
    public const double DepartureSigmas = 8.0;

    /// <summary>Median |x − y| of two independent standard normals: √2 · 0.6745.</summary>
    public const double MedianAbsoluteStepPerSigma = 0.9539;

    /// <summary>Factor by which the running median of |step| moves per sample (up when a step is larger, down when smaller).</summary>
    public const double TypicalStepFactor = 1.05;

    /// <summary>Rate at which a departed channel's other level and its spread follow the readings there.</summary>
    public const double AlternateRate = 0.2;

    /// <summary>Smallest spread a channel may have: keeps a constant signal from dividing by zero.</summary>
    public static double SpreadFloor(double level) => 1e-9 + 1e-4 * Math.Abs(level);
}
