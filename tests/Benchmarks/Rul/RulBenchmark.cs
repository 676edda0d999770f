using System.Diagnostics;
using System.Globalization;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Benchmarks.Rul;

/// <summary>
/// The <c>rul</c> verb: simulated run-to-failure fleet → RulTrainer on the training units → RMSE/MAE on held-out
/// units cut at seeded random points (a C-MAPSS-style test set), next to two naive baselines: the mean remaining life
/// of the training rows, and the training units' mean life minus the unit's age.
/// </summary>
internal static class RulBenchmark
{
    public const string Usage =
        "  rul [--seed N] [--units N]           RUL model vs naive baselines on a simulated run-to-failure fleet (docs/benchmarks.md)";

    public static int Run(IReadOnlyList<string> args)
    {
        int seed = 1, units = 100;
        for (var i = 0; i < args.Count; i++)
        {
            var ok = args[i] switch
            {
                "--seed" => ++i < args.Count && int.TryParse(args[i], CultureInfo.InvariantCulture, out seed),
                "--units" => ++i < args.Count && int.TryParse(args[i], CultureInfo.InvariantCulture, out units) && units >= 10,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bad argument near '{args[Math.Min(i, args.Count - 1)]}'");
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        var clock = Stopwatch.StartNew();
        Say(clock, $"simulating {units} pumps to failure (seed {seed}, 5-minute samples, hourly cycles)");
        var runs = RunToFailureFleet.Simulate(seed, units);
        var testCount = Math.Max(2, units / 4);
        var train = runs.Take(units - testCount).ToList();
        var test = runs.Skip(units - testCount).ToList();
        var random = new Random(seed + 1);
        var cuts = test.ToDictionary(r => r.Unit, r => Math.Max(5, (int)(r.Life * (0.3 + (0.69 * random.NextDouble())))));
        var truth = test.ToDictionary(r => r.Unit, r => (double)(r.Life - cuts[r.Unit]));

        var options = new RulTrainingOptions();
        Say(clock, $"training on {train.Count} units ({train.Sum(r => r.Life)} hourly rows), testing on {test.Count} held-out units");
        var model = new RulTrainer(options).Train(RunToFailureFleet.ToDataset(train), new Progress<string>(m => Say(clock, m)));
        var trained = clock.Elapsed;
        var predicted = model.Predict(RunToFailureFleet.ToDataset(test, r => cuts[r.Unit])).ToDictionary(p => p.Unit, p => p.Rul);

        var meanRemaining = train.SelectMany(r => Enumerable.Range(1, r.Life).Select(h => Math.Min(r.Life - h, options.RulCap))).Average();
        var meanLife = train.Average(r => r.Life);
        var rows = new (string Name, Func<string, double> Predict)[]
        {
            ("RulTrainer (FastTree on window features)", u => predicted[u]),
            ("naive: mean remaining life of training rows", _ => meanRemaining),
            ("naive: mean life − age", u => Math.Max(0, meanLife - cuts[u])),
        };

        Say(clock, "done");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{units} units ({train.Count} train, {test.Count} held-out), lives {runs.Min(r => r.Life)}–{runs.Max(r => r.Life)} h, true RUL at the cut {truth.Values.Min():0}–{truth.Values.Max():0} h; training took {trained.TotalSeconds:0} s"));
        Console.WriteLine();
        Console.WriteLine("| predictor | RMSE (h) | MAE (h) | RMSE vs truth capped at 125 |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, predict) in rows)
        {
            var errors = test.Select(r => predict(r.Unit) - truth[r.Unit]).ToArray();
            var capped = test.Select(r => predict(r.Unit) - Math.Min(truth[r.Unit], options.RulCap)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Rmse(errors):F1} | {errors.Average(Math.Abs):F1} | {Rmse(capped):F1} |"));
        }

        var m = model.Manifest.Metrics;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trainer's own hold-out (every row of {m.HoldoutUnits} units, target capped): RMSE {m.HoldoutRmse:F1}, MAE {m.HoldoutMae:F1}, constant-mean baseline RMSE {m.BaselineRmse:F1}."));
        return 0;
    }

    private static double Rmse(double[] errors) => Math.Sqrt(errors.Average(e => e * e));

    private static void Say(Stopwatch clock, string line) => Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s  {line}");
}
