using System.Text.Json.Serialization;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>
/// A desired configuration as it arrives on <c>pdm/v1/{deviceId}/config</c> (or as an IoT Hub twin's
/// desired properties). Every member is optional: what is absent stays as it is. Unknown members are
/// rejected, so a typo never passes silently.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DesiredConfiguration
{
    [JsonPropertyName("version")]
    public long? Version { get; init; }

    /// <summary>The twin's own version, when the document comes from Azure IoT Hub.</summary>
    [JsonPropertyName("$version")]
    public long? TwinVersion { get; init; }

    [JsonPropertyName("sampleIntervalMs")]
    public int? SampleIntervalMs { get; init; }

    [JsonPropertyName("publishIntervalMs")]
    public int? PublishIntervalMs { get; init; }

    [JsonPropertyName("heartbeatIntervalMs")]
    public int? HeartbeatIntervalMs { get; init; }

    [JsonPropertyName("sensors")]
    public DesiredSensors? Sensors { get; init; }

    [JsonPropertyName("vibration")]
    public DesiredVibration? Vibration { get; init; }

    [JsonPropertyName("calibration")]
    public IReadOnlyDictionary<string, Calibration>? Calibration { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DesiredSensors(
    [property: JsonPropertyName("environment")] bool? Environment,
    [property: JsonPropertyName("vibration")] bool? Vibration,
    [property: JsonPropertyName("analog")] bool? Analog,
    [property: JsonPropertyName("digital")] bool? Digital);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DesiredVibration(
    [property: JsonPropertyName("sampleRateHz")] int? SampleRateHz,
    [property: JsonPropertyName("windowSize")] int? WindowSize);
