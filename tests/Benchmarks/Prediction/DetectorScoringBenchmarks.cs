using BenchmarkDotNet.Attributes;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Benchmarks.Prediction;

/// <summary>
/// Cost of scoring one sample on one warmed-up device, for one and for ten channels, per detector version in one run:
/// v1 = no slow-drift reference and no operating regimes (<c>ReferenceMemoryHours = 0</c>, <c>OperatingRegimes = false</c>),
/// v2 = version 2 (<c>CommonMovement = false</c>, <c>StepBeyondLevelSigmas = 0</c>), v4 = common movement, step cap and
/// jumps as regime departures, with one slow-drift reference per channel (<c>ReferencePerRegime = false</c>), v5 = the
/// defaults (a reference per operating regime). The device is warmed up on a day and a bit of minute samples, so v2's
/// day-long reference counts.
/// </summary>
[MemoryDiagnoser]
public class DetectorScoringBenchmarks
{
    private const int Samples = 2048;
    private const int WarmUp = 1_560;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private IAnomalyDetector detector = null!;
    private Dictionary<string, double>[] readings = [];
    private int next;

    [Params("v1", "v2", "v4", "v5")]
    public string Version { get; set; } = "v5";

    [Params(1, 10)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        readings = [.. Enumerable.Range(0, Samples).Select(_ => Enumerable.Range(0, Channels).ToDictionary(c => $"ch{c}", c => 10.0 * c + random.NextDouble()))];
        var options = Version switch
        {
            "v1" => new AnomalyDetectorOptions
            {
                ReferenceMemoryHours = 0, OperatingRegimes = false, CommonMovement = false, StepBeyondLevelSigmas = 0, ReferencePerRegime = false,
            },
            "v2" => new AnomalyDetectorOptions { CommonMovement = false, StepBeyondLevelSigmas = 0, ReferencePerRegime = false },
            "v4" => new AnomalyDetectorOptions { ReferencePerRegime = false },
            _ => new AnomalyDetectorOptions(),
        };
        detector = new AnomalyDetectorFactory(options).Create("pump");
        for (var i = 0; i < WarmUp; i++)
        {
            detector.Score(DateTimeOffset.UnixEpoch + i * Interval, readings[i % Samples]);
        }

        next = WarmUp;
    }

    [Benchmark]
    public double ScoreOneSample()
    {
        var i = next++;
        return detector.Score(DateTimeOffset.UnixEpoch + i * Interval, readings[i % Samples]).Score;
    }

    [Benchmark]
    public int ExportState() => detector.ExportState().Length;
}
