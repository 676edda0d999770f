using System.Text.Json.Serialization;

namespace WorkOrders.EdgeAgent.Health;

/// <summary>Published on <c>pdm/v1/{deviceId}/heartbeat</c> every heartbeat interval.</summary>
public sealed record Heartbeat(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("ts")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("uptimeSeconds")] long UptimeSeconds,
    [property: JsonPropertyName("lastSeq")] long LastSeq,
    [property: JsonPropertyName("outboxDepth")] long OutboxDepth,
    [property: JsonPropertyName("outboxBytes")] long OutboxBytes,
    [property: JsonPropertyName("droppedWhenFull")] long DroppedWhenFull,
    [property: JsonPropertyName("tornRecordsDropped")] long TornRecordsDropped,
    [property: JsonPropertyName("reconnects")] long Reconnects,
    [property: JsonPropertyName("sensorFaults")] IReadOnlyDictionary<string, string> SensorFaults,
    [property: JsonPropertyName("configVersion")] long? ConfigVersion);
