using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.EndToEndTests;

/// <summary>
/// A pump whose bearing degrades: steady noisy readings, then from <paramref name="faultFromSeq"/> on its
/// vibration steps far above its normal and stays there. Deterministic for a seed.
/// </summary>
public sealed class DegradingDevice(string deviceId, int faultFromSeq, int seed = 7)
{
    private readonly Random _random = new(seed);

    public string DeviceId => deviceId;

    /// <summary>Samples <paramref name="fromSeq"/>..<paramref name="toSeq"/>, one second apart, ending a minute ago.</summary>
    public IReadOnlyList<TelemetrySampleMessage> Samples(int fromSeq, int toSeq, DateTimeOffset start)
    {
        var samples = new List<TelemetrySampleMessage>();
        for (var seq = fromSeq; seq <= toSeq; seq++)
        {
            var faulty = seq >= faultFromSeq;
            var vibration = (faulty ? 1.6 : 0.30) + (_random.NextDouble() - 0.5) * 0.04;
            var temperature = (faulty ? 78.0 : 61.0) + (_random.NextDouble() - 0.5) * 0.8;
            var current = 12.0 + (_random.NextDouble() - 0.5) * 0.3;
            samples.Add(new TelemetrySampleMessage(seq, start.AddSeconds(seq), new Dictionary<string, double>
            {
                ["vibration_rms_g"] = Math.Round(vibration, 4),
                ["temperature_c"] = Math.Round(temperature, 2),
                ["current_a"] = Math.Round(current, 3),
            }));
        }

        return samples;
    }
}
