using System.Diagnostics;

namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// The baseline: jobs by latest on-time start, each appended to the route of the allowed vehicle where it adds the
/// least cost (extra km and lateness), if it still fits the window including the drive home.
/// </summary>
public static class GreedyPlanner
{
    public const string Name = "greedy";

    public static Plan Solve(PlanningProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var stopwatch = Stopwatch.StartNew();
        var routes = Build(problem);
        return PlanEvaluator.Evaluate(problem, routes, Name, stopwatch.Elapsed);
    }

    internal static List<int>[] Build(PlanningProblem problem)
    {
        var routes = Enumerable.Range(0, problem.Vehicles.Count).Select(_ => new List<int>()).ToArray();
        var clock = problem.Vehicles.Select(v => v.StartMinute).ToArray();
        var at = Enumerable.Range(0, problem.Vehicles.Count).Select(v => problem.HomeOf[v]).ToArray();
        var order = Enumerable.Range(0, problem.Jobs.Count)
            .OrderBy(j => problem.Jobs[j].LatestStartMinute)
            .ThenBy(j => problem.Jobs[j].Id, StringComparer.Ordinal);
        foreach (var job in order)
        {
            var node = problem.JobNode(job);
            var best = -1;
            var bestCost = double.MaxValue;
            foreach (var v in problem.AllowedVehicles[job])
            {
                var home = problem.HomeOf[v];
                var start = clock[v] + problem.Minutes(at[v], node);
                var end = start + problem.Jobs[job].DurationMinutes;
                if (end + problem.Minutes(node, home) > problem.Vehicles[v].EndMinute)
                {
                    continue;
                }

                var extraKm = (problem.Metres(at[v], node) + problem.Metres(node, home) - problem.Metres(at[v], home)) / 1000.0;
                var late = Math.Max(0, start - problem.Jobs[job].LatestStartMinute);
                var cost = (extraKm * problem.Costs.CostPerKm) + (late * problem.Costs.CostPerLateMinute);
                if (cost < bestCost)
                {
                    (best, bestCost) = (v, cost);
                }
            }

            if (best >= 0)
            {
                routes[best].Add(job);
                clock[best] += problem.Minutes(at[best], node) + problem.Jobs[job].DurationMinutes;
                at[best] = node;
            }
        }

        return routes;
    }
}
