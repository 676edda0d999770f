using System.Text.Json.Serialization;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>
/// The settings that remote configuration may change while the agent runs; what the agent applied
/// is reported exactly as this record serialises.
/// </summary>
public sealed record AgentSettings(
    [property: JsonPropertyName("version")] long? Version,
    [property: JsonPropertyName("sampleIntervalMs")] int SampleIntervalMs,
    [property: JsonPropertyName("publishIntervalMs")] int PublishIntervalMs,
    [property: JsonPropertyName("heartbeatIntervalMs")] int HeartbeatIntervalMs,
    [property: JsonPropertyName("sensors")] SensorSelection Sensors,
    [property: JsonPropertyName("vibration")] VibrationSettings Vibration,
    [property: JsonPropertyName("calibration")] IReadOnlyDictionary<string, Calibration> Calibration)
{
    [JsonIgnore]
    public TimeSpan SampleInterval => TimeSpan.FromMilliseconds(SampleIntervalMs);

    [JsonIgnore]
    public TimeSpan PublishInterval => TimeSpan.FromMilliseconds(PublishIntervalMs);

    [JsonIgnore]
    public TimeSpan HeartbeatInterval => TimeSpan.FromMilliseconds(HeartbeatIntervalMs);
}

/// <summary>Which sensor groups are read.</summary>
public sealed record SensorSelection(
    [property: JsonPropertyName("environment")] bool Environment,
    [property: JsonPropertyName("vibration")] bool Vibration,
    [property: JsonPropertyName("analog")] bool Analog,
    [property: JsonPropertyName("digital")] bool Digital)
{
    public bool IsEnabled(string sensor) => sensor switch
    {
        SensorNames.Environment => Environment,
        SensorNames.Vibration => Vibration,
        SensorNames.Analog => Analog,
        SensorNames.Digital => Digital,
        _ => false,
    };
}

public sealed record VibrationSettings(
    [property: JsonPropertyName("sampleRateHz")] int SampleRateHz,
    [property: JsonPropertyName("windowSize")] int WindowSize);

/// <summary>A reading is stored as value × Scale + Offset.</summary>
public sealed record Calibration(
    [property: JsonPropertyName("scale")] double Scale,
    [property: JsonPropertyName("offset")] double Offset);
