using System.Text.Json.Serialization;

namespace WorkOrders.Contracts.Telemetry;

/// <summary>
/// The JSON body published on <c>pdm/v1/{deviceId}/telemetry</c>: either one sample
/// (<see cref="Seq"/>, <see cref="Ts"/>, <see cref="Readings"/>) or a batch (<see cref="Samples"/>).
/// </summary>
public sealed record TelemetryMessage
{
    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("seq")]
    public long? Seq { get; init; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Ts { get; init; }

    [JsonPropertyName("readings")]
    public IReadOnlyDictionary<string, double>? Readings { get; init; }

    [JsonPropertyName("samples")]
    public IReadOnlyList<TelemetrySampleMessage>? Samples { get; init; }

    public static TelemetryMessage Single(string deviceId, TelemetrySampleMessage sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new() { DeviceId = deviceId, Seq = sample.Seq, Ts = sample.Ts, Readings = sample.Readings };
    }

    public static TelemetryMessage Batch(string deviceId, IReadOnlyList<TelemetrySampleMessage> samples) =>
        new() { DeviceId = deviceId, Samples = samples };
}

/// <summary>One sample inside a batch.</summary>
public sealed record TelemetrySampleMessage(
    [property: JsonPropertyName("seq")] long? Seq,
    [property: JsonPropertyName("ts")] DateTimeOffset? Ts,
    [property: JsonPropertyName("readings")] IReadOnlyDictionary<string, double>? Readings);
