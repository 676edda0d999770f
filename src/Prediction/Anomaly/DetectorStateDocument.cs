using System.Text.Json.Serialization;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Version 1 of the exported detector state. Only append members; never rename or reorder. Members appended for
/// detector version 2 (reference, regimes, leader) are optional: an older state restores with them at their defaults.
/// </summary>
internal sealed record DetectorStateDocument(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("a")] string AssetType,
    [property: JsonPropertyName("n")] long Samples,
    [property: JsonPropertyName("f")] long ScoreFrom,
    [property: JsonPropertyName("t")] long LastTicks,
    [property: JsonPropertyName("dt")] double TypicalTicks,
    [property: JsonPropertyName("c")] string[] Channels,
    [property: JsonPropertyName("ch")] ChannelStateDocument[] ChannelStates,
    [property: JsonPropertyName("s")] SubspaceStateDocument? Subspace,
    [property: JsonPropertyName("rl")] int Leader = -1,
    [property: JsonPropertyName("tl")] TemperatureForLoadDocument? TemperatureForLoad = null)
{
    public const int CurrentVersion = 1;
}

internal sealed record ChannelStateDocument(
    [property: JsonPropertyName("l")] double Level,
    [property: JsonPropertyName("t")] double Trend,
    [property: JsonPropertyName("e")] double ResidualSpread,
    [property: JsonPropertyName("d")] double StepSpread,
    [property: JsonPropertyName("p")] double Previous,
    [property: JsonPropertyName("at")] long LastTicks,
    [property: JsonPropertyName("nl")] int LevelCount,
    [property: JsonPropertyName("ns")] int ScaleCount,
    [property: JsonPropertyName("r")] int Run,
    [property: JsonPropertyName("f")] double Drift,
    [property: JsonPropertyName("fs")] double DriftSpread,
    [property: JsonPropertyName("g")] double Slope,
    [property: JsonPropertyName("gs")] double SlopeSpread,
    [property: JsonPropertyName("q")] double Roughness,
    [property: JsonPropertyName("qs")] double RoughnessSpread,
    [property: JsonPropertyName("b")] float Reference = 0,
    [property: JsonPropertyName("bs")] float ReferenceSpread = 0,
    [property: JsonPropertyName("x"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float Alternate = 0,
    [property: JsonPropertyName("xs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float AlternateSpread = 0,
    [property: JsonPropertyName("xn"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] short AlternateCount = 0,
    [property: JsonPropertyName("xd"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Departed = false,
    [property: JsonPropertyName("xf"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Follower = false,
    [property: JsonPropertyName("xh"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool LevelIsHigh = false,
    [property: JsonPropertyName("js"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float TypicalStep = 0,
    [property: JsonPropertyName("xb"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float AlternateReference = 0,
    [property: JsonPropertyName("xbs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float AlternateReferenceSpread = 0,
    [property: JsonPropertyName("nz"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] float NoiseSpread = 0,
    [property: JsonPropertyName("nq"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool QuietSpell = false);

internal sealed record SubspaceStateDocument(
    [property: JsonPropertyName("r")] int Rank,
    [property: JsonPropertyName("w")] double[] Components,
    [property: JsonPropertyName("e")] double ResidualEnergy,
    [property: JsonPropertyName("n")] int Count);

/// <summary>
/// Detector version 7's temperature-for-load relation (<see cref="Anomaly.TemperatureForLoad"/>), single precision;
/// <see cref="DailyCycle"/> (version 9) is optional: a version 7 document restores with a fresh daily cycle.
/// </summary>
internal sealed record TemperatureForLoadDocument(
    [property: JsonPropertyName("g")] float LaggedLoad,
    [property: JsonPropertyName("c")] float Temperature,
    [property: JsonPropertyName("mg")] float LoadMean,
    [property: JsonPropertyName("mc")] float TemperatureMean,
    [property: JsonPropertyName("vg")] float LoadVariance,
    [property: JsonPropertyName("cv")] float Covariance,
    [property: JsonPropertyName("e")] float ResidualSpread,
    [property: JsonPropertyName("s")] float FollowedSeconds,
    [property: JsonPropertyName("t")] long LastTicks,
    [property: JsonPropertyName("dc")] TemperatureDailyCycleDocument? DailyCycle = null)
{
    public static TemperatureForLoadDocument From(TemperatureForLoad t) =>
        new(t.LaggedLoad, t.Temperature, t.LoadMean, t.TemperatureMean, t.LoadVariance, t.Covariance, t.ResidualSpread, t.FollowedSeconds, t.LastTicks,
            t.DailyCycle is { } d ? TemperatureDailyCycleDocument.From(d) : null);

    public TemperatureForLoad ToRelation() => new()
    {
        LaggedLoad = LaggedLoad,
        Temperature = Temperature,
        LoadMean = LoadMean,
        TemperatureMean = TemperatureMean,
        LoadVariance = LoadVariance,
        Covariance = Covariance,
        ResidualSpread = ResidualSpread,
        FollowedSeconds = FollowedSeconds,
        LastTicks = LastTicks,
    };
}

/// <summary>Detector version 9's daily-cycle moments (<see cref="TemperatureDailyCycle"/>), single precision.</summary>
internal sealed record TemperatureDailyCycleDocument(
    [property: JsonPropertyName("mc")] float CosMean,
    [property: JsonPropertyName("ms")] float SinMean,
    [property: JsonPropertyName("gc")] float LoadCos,
    [property: JsonPropertyName("gs")] float LoadSin,
    [property: JsonPropertyName("cc")] float CosVariance,
    [property: JsonPropertyName("cs")] float CosSin,
    [property: JsonPropertyName("ss")] float SinVariance,
    [property: JsonPropertyName("ct")] float CosTemperature,
    [property: JsonPropertyName("st")] float SinTemperature)
{
    public static TemperatureDailyCycleDocument From(TemperatureDailyCycle d) =>
        new(d.CosMean, d.SinMean, d.LoadCos, d.LoadSin, d.CosVariance, d.CosSin, d.SinVariance, d.CosTemperature, d.SinTemperature);

    public TemperatureDailyCycle ToCycle() => new()
    {
        CosMean = CosMean,
        SinMean = SinMean,
        LoadCos = LoadCos,
        LoadSin = LoadSin,
        CosVariance = CosVariance,
        CosSin = CosSin,
        SinVariance = SinVariance,
        CosTemperature = CosTemperature,
        SinTemperature = SinTemperature,
    };
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DetectorStateDocument))]
internal sealed partial class DetectorStateJsonContext : JsonSerializerContext;
