using System.Text.Json.Serialization;

namespace WorkOrders.Contracts.Telemetry;

/// <summary>Source-generated JSON for the wire contract; the edge and the server use the same one.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(TelemetryMessage))]
[JsonSerializable(typeof(TelemetrySampleMessage))]
public sealed partial class TelemetryJsonContext : JsonSerializerContext;
