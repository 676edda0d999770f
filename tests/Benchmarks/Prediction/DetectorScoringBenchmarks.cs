using BenchmarkDotNet.Attributes;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Benchmarks.Prediction;

/// <summary>Cost of scoring one sample on one warmed-up device, for one and for ten channels.</summary>
[MemoryDiagnoser]
public class DetectorScoringBenchmarks
{
    private const int Samples = 1024;

    private readonly AnomalyDetectorFactory factory = new(new AnomalyDetectorOptions());
    private IAnomalyDetector detector = null!;
    private Dictionary<string, double>[] readings = [];
    private int next;

    [Params(1, 10)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        readings = [.. Enumerable.Range(0, Samples).Select(_ => Enumerable.Range(0, Channels).ToDictionary(c => $"ch{c}", c => 10.0 * c + random.NextDouble()))];
        detector = factory.Create("pump");
        for (var i = 0; i < 500; i++)
        {
            detector.Score(DateTimeOffset.UnixEpoch.AddSeconds(i), readings[i % Samples]);
        }

        next = 500;
    }

    [Benchmark]
    public double ScoreOneSample()
    {
        var i = next++;
        return detector.Score(DateTimeOffset.UnixEpoch.AddSeconds(i), readings[i % Samples]).Score;
    }

    [Benchmark]
    public int ExportState() => detector.ExportState().Length;
}
