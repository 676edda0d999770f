using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Tests.Rul;

/// <summary>Seeded turbofan-like histories: three sensors drift exponentially towards failure, two are constant, one is noise.</summary>
internal static class RunToFailure
{
    public static readonly string[] Features = ["setting", "constant", "t24", "p30", "noise", "phi"];

    public static RulDataset Train(int units, int seed) => new(Features, [.. Enumerable.Range(1, units).SelectMany(u => Unit(u, new Random(seed * 1000 + u), cutAt: null).Rows)]);

    /// <summary>Units cut at a random cycle before failure, with the true remaining cycles.</summary>
    public static (RulDataset Data, Dictionary<string, double> Truth) Test(int units, int seed)
    {
        var rows = new List<RulRow>();
        var truth = new Dictionary<string, double>();
        for (var u = 1; u <= units; u++)
        {
            var random = new Random(seed * 1000 + u);
            var (unitRows, remaining) = Unit(u, random, cutAt: random.NextDouble());
            rows.AddRange(unitRows);
            truth[$"u{u}"] = remaining;
        }

        return (new RulDataset(Features, rows), truth);
    }

    private static (List<RulRow> Rows, double Remaining) Unit(int unit, Random random, double? cutAt)
    {
        var life = random.Next(120, 220);
        var rate = 2.0 + random.NextDouble();
        var cut = cutAt is { } c ? Math.Max(20, (int)(life * (0.3 + 0.69 * c))) : life;
        var rows = new List<RulRow>(cut);
        for (var cycle = 1; cycle <= cut; cycle++)
        {
            var wear = 0.2 * (Math.Exp(rate * cycle / life) - 1);
            double[] values =
            [
                0.0, 518.67, 642 + 0.9 * wear + Gaussian(random) * 0.5, 1590 + 2.5 * wear + Gaussian(random) * 1.5,
                Gaussian(random), 47.3 - 0.4 * wear + Gaussian(random) * 0.2,
            ];
            rows.Add(new RulRow($"u{unit}", cycle, values));
        }

        return (rows, life - cut);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
