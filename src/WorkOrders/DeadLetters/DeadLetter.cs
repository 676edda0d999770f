using System.Text;

namespace WorkOrders.Maintenance.DeadLetters;

/// <summary>A message ingest could not accept, kept for a person to inspect.</summary>
public sealed class DeadLetter
{
    /// <summary>At most this many UTF-8 bytes of a payload are kept.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>Longer topics, device ids and details are cut to these lengths, so storing never fails.</summary>
    public const int MaxTopicLength = 256;
    public const int MaxDetailLength = 4000;

    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string Topic { get; set; }

    public string? DeviceId { get; set; }

    /// <summary>One of <see cref="DeadLetterReasons"/>.</summary>
    public required string Reason { get; set; }

    public string Detail { get; set; } = "";

    /// <summary>The body as text (invalid UTF-8 and NUL become U+FFFD), cut to <see cref="MaxPayloadBytes"/>.</summary>
    public string Payload { get; set; } = "";

    public static DeadLetter Create(
        DateTimeOffset receivedAt, string topic, string? deviceId, string reason, string detail, ReadOnlySpan<byte> payload) =>
        new()
        {
            ReceivedAt = receivedAt.ToUniversalTime(),
            Topic = Cut(topic, MaxTopicLength),
            DeviceId = deviceId is null ? null : Cut(deviceId, MaxTopicLength),
            Reason = reason,
            Detail = Cut(detail, MaxDetailLength),
            Payload = PayloadText(payload),
        };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Decodes at most <see cref="MaxPayloadBytes"/> bytes without splitting a character.</summary>
    public static string PayloadText(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            var cut = MaxPayloadBytes;
            while (cut > 0 && (payload[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            payload = payload[..cut];
        }

        // PostgreSQL text cannot hold NUL.
        return Encoding.UTF8.GetString(payload).Replace('\0', '\uFFFD');
    }
}
