using System.Text;

namespace WorkOrders.Simulators.Network;

/// <summary>Bad bodies an ingest must survive: each is something a buggy or half-written device has sent somewhere.</summary>
internal static class MalformedPayloads
{
    private static readonly Func<string, long, byte[]>[] Kinds =
    [
        (_, _) => [],
        (id, seq) => Utf8($"{{\"deviceId\":\"{id}\",\"seq\":{seq},\"ts\":\"2025-"),
        (_, _) => Utf8("not json at all"),
        (_, _) => Utf8("null"),
        (id, seq) => Utf8($"{{\"deviceId\":\"{id}\",\"seq\":\"{seq}\",\"ts\":\"yesterday\",\"readings\":{{\"temperature_c\":\"hot\"}}}}"),
        (id, _) => Utf8($"{{\"deviceId\":\"{id}\",\"readings\":{{\"temperature_c\":NaN}}}}"),
        (id, _) => Utf8($"[{{\"deviceId\":\"{id}\"}}]"),
        (_, _) => [0xFF, 0xFE, 0x00, 0x7B, 0x80, 0x81],
    ];

    public static int Count => Kinds.Length;

    public static byte[] Create(int kind, string deviceId, long seq) => Kinds[kind % Kinds.Length](deviceId, seq);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
