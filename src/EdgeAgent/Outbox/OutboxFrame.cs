using System.Buffers.Binary;
using System.Text.Json;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// On-disk record framing, little-endian: magic "POBX" (u32), payload length (i32), CRC-32 (u32)
/// of seq + payload, seq (i64), payload (the sample as wire JSON). The magic lets a reader find the
/// next frame after damage; the CRC tells a torn or rotten frame from a good one.
/// </summary>
internal static class OutboxFrame
{
    public const uint Magic = 0x58424F50;
    public const int HeaderLength = 20;
    public const int MaxPayloadLength = 1 << 20;

    public static byte[] Encode(OutboxRecord record)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new TelemetrySampleMessage(record.Seq, record.Timestamp, record.Readings),
            TelemetryJsonContext.Default.TelemetrySampleMessage);
        var frame = new byte[HeaderLength + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(0), Magic);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(12), record.Seq);
        payload.CopyTo(frame.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), Crc32.Compute(frame.AsSpan(12)));
        return frame;
    }

    /// <summary>Reads the payload length from a header; -1 when the header cannot start a frame.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> header) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header) == Magic
        && BinaryPrimitives.ReadInt32LittleEndian(header[4..]) is var length and >= 2 and <= MaxPayloadLength
            ? length
            : -1;

    /// <summary>True when the whole frame (header and payload) carries a matching CRC.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> frame) =>
        BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]) == Crc32.Compute(frame[12..]);

    public static long Seq(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadInt64LittleEndian(frame[12..]);

    public static OutboxRecord Decode(ReadOnlySpan<byte> frame)
    {
        var sample = JsonSerializer.Deserialize(frame[HeaderLength..], TelemetryJsonContext.Default.TelemetrySampleMessage)
            ?? throw new InvalidDataException("An outbox frame holds the JSON literal null.");
        return new OutboxRecord(
            Seq(frame),
            sample.Ts ?? throw new InvalidDataException("An outbox frame has no timestamp."),
            sample.Readings ?? new Dictionary<string, double>());
    }
}
