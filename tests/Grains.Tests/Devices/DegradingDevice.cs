using WorkOrders.Grains.Devices;

namespace WorkOrders.Grains.Tests.Devices;

/// <summary>
/// A pump's telemetry, one sample a second: steady readings with sensor noise, then the vibration channel
/// steps up by many times its noise and stays there (a bearing starting to fail). Seeded, so every run is the same.
/// </summary>
internal static class DegradingDevice
{
    public const int SteadySamples = 300;
    public const int DegradedSamples = 40;
    public const int BatchSize = 20;
    public const double VibrationStepG = 0.25;

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<TelemetryBatch> Steady() => Batches(Samples()[..SteadySamples]);

    public static IReadOnlyList<TelemetryBatch> Degraded() => Batches(Samples()[SteadySamples..]);

    public static IReadOnlyList<TelemetryBatch> All() => Batches(Samples());

    /// <summary>More samples after <see cref="All"/>, the vibration still stepped up.</summary>
    public static IReadOnlyList<TelemetryBatch> StillDegraded(int count) =>
        Batches(Samples(SteadySamples + DegradedSamples + count)[(SteadySamples + DegradedSamples)..]);

    /// <summary>
    /// After <see cref="All"/>: <paramref name="repaired"/> samples with the vibration back at its normal level, then
    /// <see cref="DegradedSamples"/> with it stepped up again (the fault came back).
    /// </summary>
    public static IReadOnlyList<TelemetryBatch> RepairedThenDegradedAgain(int repaired)
    {
        var relapseFrom = SteadySamples + DegradedSamples + repaired;
        return Batches(Samples(relapseFrom + DegradedSamples, seq => seq > relapseFrom || seq is > SteadySamples and <= SteadySamples + DegradedSamples)
            [(SteadySamples + DegradedSamples)..]);
    }

    private static TelemetryPoint[] Samples(int count = SteadySamples + DegradedSamples) => Samples(count, seq => seq > SteadySamples);

    private static TelemetryPoint[] Samples(int count, Func<int, bool> degraded)
    {
        var random = new Random(17);
        return
        [
            .. Enumerable.Range(1, count).Select(seq => new TelemetryPoint(
                seq,
                Start.AddSeconds(seq),
                new Dictionary<string, double>
                {
                    ["temperature_c"] = Math.Round(65 + 0.4 * Gaussian(random), 2),
                    ["vibration_rms_g"] = Math.Round(0.30 + 0.01 * Gaussian(random) + (degraded(seq) ? VibrationStepG : 0), 4),
                    ["pressure_hpa"] = Math.Round(2_500 + 5 * Gaussian(random), 1),
                })),
        ];
    }

    private static TelemetryBatch[] Batches(TelemetryPoint[] samples) =>
        [.. samples.Chunk(BatchSize).Select(chunk => new TelemetryBatch(chunk))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
