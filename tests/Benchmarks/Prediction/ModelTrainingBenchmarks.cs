using BenchmarkDotNet.Attributes;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Benchmarks.Prediction;

/// <summary>
/// Wall time of training a model version from stored history, as a training job does (<see cref="ModelTrainer"/>:
/// labelling, the asset-type baseline, holdout errors and, with confirmed failures, the RUL model), and of the
/// <see cref="AssetTypeBaselineTrainer"/> alone; two days of minute samples of three channels per device, every
/// other device ending in a confirmed failure.
/// </summary>
[MemoryDiagnoser]
public class ModelTrainingBenchmarks
{
    private const int SamplesPerDevice = 2 * 24 * 60;
    private const int WindowSamples = 200;
    private static readonly string[] Channels = ["current_a", "temperature_c", "vibration_rms_g"];
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ModelTrainingOptions options = new() { RulCycle = TimeSpan.FromHours(1), WindowSamples = WindowSamples };
    private List<DeviceHistory> histories = [];
    private List<LabelWindow> labels = [];
    private List<IReadOnlyList<IReadOnlyDictionary<string, double>>> windows = [];

    [Params(5, 20)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        histories = [.. Enumerable.Range(0, Devices).Select(d => History($"pump-{d:D3}", d, fails: d % 2 == 1))];
        labels =
        [
            .. histories.Where((_, d) => d % 2 == 1).Select(h => new LabelWindow(
                h.DeviceId, h.Samples[^120].Timestamp, h.Samples[^1].Timestamp, LabelKind.ConfirmedFault)),
        ];
        windows =
        [
            .. histories.SelectMany(h => h.Samples.Chunk(WindowSamples).Where(w => w.Length == WindowSamples))
                .Select(w => (IReadOnlyList<IReadOnlyDictionary<string, double>>)[.. w.Select(s => s.Readings)]),
        ];
    }

    [Benchmark]
    public int TrainModelVersion()
    {
        var metrics = new ModelTrainer(options).Train("pump", histories, labels).Metrics;
        // Measure the whole version or nothing: a skipped part would make the figure look cheaper than training is.
        return (metrics.BaselineSkipped ?? metrics.RulSkipped) is { } skipped ? throw new InvalidOperationException(skipped) : metrics.RulUnits;
    }

    [Benchmark]
    public int TrainAssetTypeBaseline() => new AssetTypeBaselineTrainer().Train("pump", Channels, windows).Channels.Count;

    private static DeviceHistory History(string deviceId, int seed, bool fails)
    {
        var random = new Random(seed);
        var samples = new List<HistorySample>(SamplesPerDevice);
        for (var i = 0; i < SamplesPerDevice; i++)
        {
            var wear = fails ? Math.Pow((double)i / SamplesPerDevice, 4) : 0;
            var load = 0.5 + 0.3 * Math.Sin(2 * Math.PI * i / (24 * 60));
            samples.Add(new HistorySample(Start.AddMinutes(i), new Dictionary<string, double>
            {
                ["current_a"] = 10 + 4 * load + 0.2 * random.NextDouble(),
                ["temperature_c"] = 40 + 8 * load + 6 * wear + 0.5 * random.NextDouble(),
                ["vibration_rms_g"] = 0.3 + 0.1 * load + 0.8 * wear + 0.02 * random.NextDouble(),
            }));
        }

        return new DeviceHistory(deviceId, samples);
    }
}
