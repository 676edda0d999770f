using System.Diagnostics;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>
/// The <c>quality</c> verb: seeded labeled fleets → every detector version, side by side → Markdown tables on stdout,
/// progress on stderr. Versions: v1 (no slow-drift term), v2 (slow-drift term and operating regimes), v3 (v2 with
/// Anomaly:RegimesFromJumps), v4 (v2 with Anomaly:CommonMovement and Anomaly:StepBeyondLevelSigmas), v5 (v4 with
/// Anomaly:ReferencePerRegime), v6 (v5 with Anomaly:FollowerLevelsMoveTogether and Anomaly:RebaselineRegimeLevels),
/// v7 (v6 with Anomaly:LoadConditionedTemperature and Anomaly:FollowWithoutLeader; pinned with Anomaly:AmbientDailyCycle off), v8 (experimental:
/// v7 with Anomaly:QuietSpellNoiseShare 0.5), v9 (the default detector: v7 with Anomaly:AmbientDailyCycle), each also seeded from
/// asset-type baselines trained on a healthy fleet. <c>--versions</c> keeps only the named ones (quicker iterations).
/// </summary>
internal static class QualityCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        QualityOptions options;
        try
        {
            options = QualityOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(QualityOptions.Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var catalog = AnomalyBaselineCatalog.Empty;
        if (options.Versions?.Any(v => v.EndsWith("+baseline", StringComparison.Ordinal)) ?? true)
        {
            Say(clock, $"training asset-type baselines on a healthy fleet (seed {options.Seed + 10_000}, 2 days)");
            catalog = BaselineTraining.Train(options.Seed + 10_000, days: 2);
        }

        // Each version pinned by the options that came after it, so its rows stay reproducible as the defaults move on.
        var v7 = new AnomalyDetectorOptions { QuietSpellNoiseShare = 0, AmbientDailyCycle = false };
        var v9 = v7 with { AmbientDailyCycle = true };
        var v8 = v7 with { QuietSpellNoiseShare = 0.5 };
        var v6 = v7 with { LoadConditionedTemperature = false, CrossChannelEnergyFloor = 0, FollowWithoutLeader = false };
        var v1 = v6 with { ReferenceMemoryHours = 0, OperatingRegimes = false, CommonMovement = false, StepBeyondLevelSigmas = 0, ReferencePerRegime = false, RebaselineRegimeLevels = false, FollowerLevelsMoveTogether = false };
        var v2 = v6 with { CommonMovement = false, StepBeyondLevelSigmas = 0, ReferencePerRegime = false, RebaselineRegimeLevels = false, FollowerLevelsMoveTogether = false };
        var v3 = v2 with { RegimesFromJumps = true };
        var v4 = v6 with { ReferencePerRegime = false, RebaselineRegimeLevels = false, FollowerLevelsMoveTogether = false };
        var v5 = v6 with { RebaselineRegimeLevels = false, FollowerLevelsMoveTogether = false };
        DetectorVersion[] versions =
        [
            new("v1", v1, AnomalyBaselineCatalog.Empty),
            new("v1+baseline", v1, catalog),
            new("v2", v2, AnomalyBaselineCatalog.Empty),
            new("v2+baseline", v2, catalog),
            new("v3", v3, AnomalyBaselineCatalog.Empty),
            new("v3+baseline", v3, catalog),
            new("v4", v4, AnomalyBaselineCatalog.Empty),
            new("v4+baseline", v4, catalog),
            new("v5", v5, AnomalyBaselineCatalog.Empty),
            new("v5+baseline", v5, catalog),
            new("v6", v6, AnomalyBaselineCatalog.Empty),
            new("v6+baseline", v6, catalog),
            new("v7", v7, AnomalyBaselineCatalog.Empty),
            new("v7+baseline", v7, catalog),
            new("v8", v8, AnomalyBaselineCatalog.Empty),
            new("v8+baseline", v8, catalog),
            new("v9", v9, AnomalyBaselineCatalog.Empty),
            new("v9+baseline", v9, catalog),
        ];
        if (options.Versions is { } kept)
        {
            versions = [.. versions.Where(v => kept.Contains(v.Name))];
        }

        var outcomes = new List<FleetOutcome>();
        foreach (var (name, scenario) in QualityFleets.Generate(options.Seed, options.Fleets, options.Days, options.Demo))
        {
            Say(clock, $"{name}: {scenario.Fleet.Sum(g => g.Count)} devices, {scenario.Faults.Count} faults, {scenario.DurationSeconds / 86_400:0.#} days at {scenario.PublishIntervalSeconds:0} s");
            using var trace = SampleTrace.Open(name, options.Trace, options.TraceFile);
            outcomes.Add(FleetReplay.Run(name, scenario, versions, CancellationToken.None, trace));
        }

        var results = versions.Select(v => QualityScore.Measure(v.Name, outcomes)).ToList();
        Say(clock, "done");
        QualityReport.Write(Console.Out, results);
        if (options.Detail is { } detail && results.FirstOrDefault(r => r.Version == detail) is { } chosen)
        {
            QualityReport.WriteDetail(Console.Error, chosen);
        }

        return 0;
    }

    private static void Say(Stopwatch clock, string line) => Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s  {line}");
}
