using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.BrowserTests;

/// <summary>
/// A pump whose bearing degrades: steady noisy readings, then from <paramref name="faultFromSeq"/> on its vibration
/// steps far above its normal and stays there. Deterministic for a seed. Sample <c>seq</c> is taken at
/// <paramref name="origin"/> + <c>seq</c> seconds, so pick an origin that keeps the last sample in the past.
/// </summary>
public sealed class DegradingPump(string deviceId, int faultFromSeq, DateTimeOffset origin, int seed = 7)
{
    private readonly Random _random = new(seed);

    public string DeviceId => deviceId;

    /// <summary>A pump with a fresh id whose samples up to <paramref name="lastSeq"/> end a little before now.</summary>
    public static DegradingPump Fresh(int faultFromSeq, int lastSeq) =>
        new($"pump-{Guid.NewGuid():N}"[..20], faultFromSeq, DateTimeOffset.UtcNow.AddSeconds(-lastSeq - 30));

    /// <summary>Samples <paramref name="fromSeq"/>..<paramref name="toSeq"/>, one second apart.</summary>
    public IReadOnlyList<TelemetrySampleMessage> Samples(int fromSeq, int toSeq)
    {
        var samples = new List<TelemetrySampleMessage>();
        for (var seq = fromSeq; seq <= toSeq; seq++)
        {
            var faulty = seq >= faultFromSeq;
            var vibration = (faulty ? 1.6 : 0.30) + (_random.NextDouble() - 0.5) * 0.04;
            var temperature = 61.0 + (_random.NextDouble() - 0.5) * 0.8;
            var current = 12.0 + (_random.NextDouble() - 0.5) * 0.3;
            samples.Add(new TelemetrySampleMessage(seq, origin.AddSeconds(seq), new Dictionary<string, double>
            {
                ["vibration_rms_g"] = Math.Round(vibration, 4),
                ["temperature_c"] = Math.Round(temperature, 2),
                ["current_a"] = Math.Round(current, 3),
            }));
        }

        return samples;
    }
}
