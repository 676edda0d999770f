using WorkOrders.Prediction.Rul;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Rul;

/// <summary>
/// Run-to-failure histories from the simulators: a fleet of pumps, each developing one machine fault (bearing wear,
/// misalignment, cavitation, overheating or electrical; seeded mix) that begins within its first day and fails after
/// 2–6 days. One cycle = one hour; features = the hour's mean of every reading. Each unit's rows end at its failure.
/// </summary>
internal static class RunToFailureFleet
{
    private const double Hour = 3600;
    private const double IntervalSeconds = 300;

    private static readonly string[] Kinds =
        [FaultKinds.BearingWear, FaultKinds.Misalignment, FaultKinds.Cavitation, FaultKinds.Overheating, FaultKinds.Electrical];

    public static IReadOnlyList<string> Features { get; } = Readings.For(AssetTypes.Pump);

    /// <summary>Every unit's complete history (to failure) and its failure cycle.</summary>
    public static IReadOnlyList<UnitRun> Simulate(int seed, int units)
    {
        var random = new Random(seed);
        var group = new FleetGroupSpec(AssetTypes.Pump, "plant", units, IdPrefix: "unit");
        var ids = Enumerable.Range(1, units).Select(n => $"unit-{n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(2, units.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), '0')}").ToArray();
        var faults = ids.Select(id => new FaultSpec(
            id,
            Kinds[random.Next(Kinds.Length)],
            Math.Round(random.NextDouble() * 24) * Hour,
            Math.Round((48 + (random.NextDouble() * 96)) * Hour))).ToList();
        var duration = faults.Max(f => f.BeginsAtSeconds + f.TimeToFailureSeconds) + Hour;
        var scenario = new Scenario
        {
            Name = "rul",
            Seed = seed,
            Start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero),
            PublishIntervalSeconds = IntervalSeconds,
            DurationSeconds = duration,
            Sites = [new SiteSpec("plant", 50, 10)],
            Fleet = [group],
            Faults = faults,
        };

        var fleet = new FleetModel(scenario);
        var failedAt = fleet.Labels.ToDictionary(l => l.DeviceId, l => l.FailedAt);
        var sums = ids.ToDictionary(id => id, _ => new List<double[]>());
        var hourSums = ids.ToDictionary(id => id, _ => (Sum: new double[Features.Count], Count: new int[Features.Count]));
        var samplesPerHour = (int)(Hour / IntervalSeconds);
        var steps = (long)(duration / IntervalSeconds);
        for (var step = 1; step <= steps; step++)
        {
            foreach (var (id, sample) in fleet.Step())
            {
                if (fleet.Now > failedAt[id])
                {
                    continue;
                }

                var (sum, count) = hourSums[id];
                for (var j = 0; j < Features.Count; j++)
                {
                    if (sample.Readings is { } r && r.TryGetValue(Features[j], out var v) && double.IsFinite(v))
                    {
                        sum[j] += v;
                        count[j]++;
                    }
                }

                if (step % samplesPerHour == 0)
                {
                    sums[id].Add([.. sum.Select((s, j) => count[j] > 0 ? s / count[j] : 0)]);
                    Array.Clear(sum);
                    Array.Clear(count);
                }
            }
        }

        return [.. ids.Select((id, u) => new UnitRun(id, faults[u].Kind, sums[id]))];
    }

    public static RulDataset ToDataset(IEnumerable<UnitRun> runs, Func<UnitRun, int>? cutAt = null) =>
        new(Features, [.. runs.SelectMany(run => run.Hours
            .Take(cutAt?.Invoke(run) ?? run.Hours.Count)
            .Select((values, h) => new RulRow(run.Unit, h + 1, values)))]);
}

/// <summary>One unit's hourly feature rows up to its failure, which comes at the end of its last row.</summary>
internal sealed record UnitRun(string Unit, string FaultKind, IReadOnlyList<double[]> Hours)
{
    public int Life => Hours.Count;
}
