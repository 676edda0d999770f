namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// A screw compressor's telemetry at 10 s, like the simulators' (a day is 8,640 samples): flow about 0 or 420 m³/h
/// and current 46 or 87 A, switching every 10 samples by day and after 8 loaded / 80 unloaded by night (the first
/// third of each day), optionally with vibration and a temperature that heats loaded and cools unloaded with a
/// 30-minute thermal lag. The one generator of every compressor test.
/// </summary>
internal sealed record CycledCompressor
{
    public const int Day = 8640;

    /// <summary>Sample index of the first sample within the day (0 = midnight).</summary>
    public int From { get; init; }

    /// <summary>From this sample on, every day runs as a night: 8 loaded samples in every 88.</summary>
    public int IdleFrom { get; init; } = int.MaxValue;

    /// <summary>An electrical fault from <see cref="IdleFrom"/>: the loaded current rises by this many amperes a day.</summary>
    public double LoadedCurrentRisePerDay { get; init; }

    public bool Vibration { get; init; }

    /// <summary>Factor on the temperature's rise over ambient at each sample (1: a clean cooler; more: a blocked one); null: no temperature channel.</summary>
    public Func<int, double>? CoolingFactor { get; init; }

    public IReadOnlyDictionary<string, double>[] Generate(Series series, int length)
    {
        var samples = new IReadOnlyDictionary<string, double>[length];
        var loaded = true;
        var left = 0;
        var temperature = double.NaN;
        for (var i = 0; i < length; i++)
        {
            if (left-- <= 0)
            {
                loaded = !loaded;
                var night = (From + i) % Day < Day / 3;
                left = i >= IdleFrom ? (loaded ? 8 : 80) : loaded ? (night ? 8 : 10) : (night ? 80 : 10);
            }

            var rise = i >= IdleFrom ? LoadedCurrentRisePerDay * (i - IdleFrom) / Day : 0;
            var sample = new Dictionary<string, double>
            {
                ["flow_m3h"] = loaded ? 420 + 4 * series.Gaussian() : 0.5 + 0.1 * series.Gaussian(),
                ["current_a"] = loaded ? 87 + rise + 0.8 * series.Gaussian() : 46 + 0.5 * series.Gaussian(),
            };
            if (Vibration)
            {
                sample["vibration_rms_g"] = (loaded ? 0.18 : 0.15) + 0.004 * series.Gaussian();
            }

            if (CoolingFactor is { } cooling)
            {
                // Ambient 12 °C; the machine's rise is 41.6 °C loaded and 14.3 °C unloaded, times a blocked cooler's factor.
                var target = 12 + (loaded ? 41.6 : 14.3) * cooling(i);
                temperature = double.IsNaN(temperature) ? target : target + (temperature - target) * Math.Exp(-10.0 / 1800);
                sample["temperature_c"] = Math.Round(temperature + 0.15 * series.Gaussian(), 1);
            }

            samples[i] = sample;
        }

        return samples;
    }
}
