using System.Text.Json;

namespace WorkOrders.Contracts.Telemetry;

/// <summary>Serialises telemetry exactly as docs/telemetry.md describes it.</summary>
public static class TelemetryCodec
{
    public static byte[] Encode(TelemetryMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, TelemetryJsonContext.Default.TelemetryMessage);

    /// <summary>Parses a body; throws <see cref="JsonException"/> when it is not a telemetry object.</summary>
    public static TelemetryMessage Decode(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, TelemetryJsonContext.Default.TelemetryMessage)
        ?? throw new JsonException("The body is the JSON literal null.");
}
