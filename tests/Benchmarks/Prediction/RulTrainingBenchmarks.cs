using BenchmarkDotNet.Attributes;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Benchmarks.Prediction;

/// <summary>Wall time of training the RUL model (holdout model + final model) on turbofan-like run-to-failure data.</summary>
[MemoryDiagnoser]
public class RulTrainingBenchmarks
{
    private RulDataset data = null!;

    [Params(20, 100)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] features = ["setting", "constant", .. Enumerable.Range(1, 14).Select(i => $"s{i}")];
        var rows = new List<RulRow>();
        for (var u = 1; u <= Units; u++)
        {
            var random = new Random(u);
            var life = random.Next(130, 360);
            for (var cycle = 1; cycle <= life; cycle++)
            {
                var wear = 0.2 * (Math.Exp(2.5 * cycle / life) - 1);
                var values = new double[features.Length];
                values[1] = 518.67;
                for (var j = 2; j < values.Length; j++)
                {
                    values[j] = 100 * j + (j % 3 - 1) * wear + random.NextDouble();
                }

                rows.Add(new RulRow($"u{u}", cycle, values));
            }
        }

        data = new RulDataset(features, rows);
    }

    [Benchmark]
    public double Train() => new RulTrainer(new RulTrainingOptions()).Train(data).Manifest.Metrics.HoldoutRmse;
}
