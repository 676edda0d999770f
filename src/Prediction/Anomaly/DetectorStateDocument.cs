using System.Text.Json.Serialization;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>Version 1 of the exported detector state. Only append members; never rename or reorder.</summary>
internal sealed record DetectorStateDocument(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("a")] string AssetType,
    [property: JsonPropertyName("n")] long Samples,
    [property: JsonPropertyName("f")] long ScoreFrom,
    [property: JsonPropertyName("t")] long LastTicks,
    [property: JsonPropertyName("dt")] double TypicalTicks,
    [property: JsonPropertyName("c")] string[] Channels,
    [property: JsonPropertyName("ch")] ChannelStateDocument[] ChannelStates,
    [property: JsonPropertyName("s")] SubspaceStateDocument? Subspace)
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
    [property: JsonPropertyName("b")] double Reference = 0,
    [property: JsonPropertyName("bs")] double ReferenceSpread = 0,
    [property: JsonPropertyName("x")] double Alternate = 0,
    [property: JsonPropertyName("xs")] double AlternateSpread = 0,
    [property: JsonPropertyName("xn")] int AlternateCount = 0,
    [property: JsonPropertyName("xd")] bool Departed = false,
    [property: JsonPropertyName("bt")] long ReferenceSince = 0);

internal sealed record SubspaceStateDocument(
    [property: JsonPropertyName("r")] int Rank,
    [property: JsonPropertyName("w")] double[] Components,
    [property: JsonPropertyName("e")] double ResidualEnergy,
    [property: JsonPropertyName("n")] int Count);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DetectorStateDocument))]
internal sealed partial class DetectorStateJsonContext : JsonSerializerContext;
