using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.IntegrationTests.Support;

/// <summary>Valid one-sample telemetry messages: seq n is taken n seconds after a start ten minutes ago.</summary>
public static class Samples
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-10);

    public static TelemetryMessage Temperature(string deviceId, long seq) =>
        TelemetryMessage.Single(deviceId, new TelemetrySampleMessage(
            seq, Start.AddSeconds(seq), new Dictionary<string, double> { ["temperature_c"] = 40 + (seq % 7) }));

    public static IReadOnlyList<long> Seqs(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => (long)i)];

    public static string NewDeviceId(string kind) => $"{kind}-{Guid.NewGuid():N}"[..20];
}
