using System.Diagnostics;
using System.Globalization;
using WorkOrders.Maintenance.Planning;

namespace WorkOrders.Benchmarks.Dispatch;

/// <summary>
/// The <c>dispatch</c> verb: one seeded instance, planned by the greedy planner and by OR-Tools (started from the
/// greedy plan), plus the online rules-and-score dispatch of the same orders one by one. Prints a table on stdout.
/// </summary>
internal static class DispatchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        DispatchBenchOptions options;
        try
        {
            options = DispatchBenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(DispatchBenchOptions.Usage);
            return 2;
        }

        var build = Stopwatch.StartNew();
        var instance = new DispatchInstance(options);
        var buildMs = build.Elapsed.TotalMilliseconds;
        await Console.Error.WriteLineAsync(Invariant($"instance: {options.Orders} orders, {options.Engineers} engineers, {instance.Problem.Vehicles.Count} engineer-days, seed {options.Seed}; distance matrix {buildMs:0} ms"));

        var online = Stopwatch.StartNew();
        var (dispatched, onlineKm) = instance.DispatchOneByOne(new DateTimeOffset(2026, 3, 16, 7, 0, 0, TimeSpan.Zero));
        var onlineMs = online.Elapsed.TotalMilliseconds;

        var greedy = GreedyPlanner.Solve(instance.Problem);
        await Console.Error.WriteLineAsync(Invariant($"greedy done in {greedy.Elapsed.TotalMilliseconds:0} ms; OR-Tools for up to {options.SolverTime.TotalSeconds:0} s ..."));
        var ortools = OrToolsPlanner.Solve(instance.Problem, options.SolverTime);
        var cold = OrToolsPlanner.Solve(instance.Problem, options.SolverTime, startFromGreedy: false);

        Console.WriteLine(Invariant($"dispatch benchmark: {options.Orders} orders, {options.Engineers} engineers, {options.Days} day(s), seed {options.Seed}"));
        Console.WriteLine("| planner | time | travel km | late min | late jobs | planned | unplanned | cost | feasible |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var plan in new[] { greedy, ortools, cold })
        {
            var t = plan.Totals;
            Console.WriteLine(Invariant($"| {plan.Planner} | {plan.Elapsed.TotalSeconds:0.000} s | {t.TravelKm:0.0} | {t.LateMinutes} | {t.LateJobs} | {t.Planned} | {t.Unplanned} | {t.Cost:0.0} | {plan.Feasible} |"));
        }

        Console.WriteLine(Invariant($"online rules+score dispatch, one order at a time: {dispatched} dispatched in {onlineMs:0} ms ({onlineMs * 1000 / Math.Max(1, options.Orders):0} µs/order), {onlineKm:0.0} km home-to-job (no routing)"));
        return greedy.Feasible && ortools.Feasible && cold.Feasible ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
