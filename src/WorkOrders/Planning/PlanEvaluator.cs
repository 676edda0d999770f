namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// Turns routes (job indices per vehicle) into times and costs, each job starting as early as possible: the one cost
/// function both planners are measured with.
/// </summary>
public static class PlanEvaluator
{
    public static Plan Evaluate(PlanningProblem problem, IReadOnlyList<IReadOnlyList<int>> routes, string planner, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(routes);
        var feasible = routes.Count == problem.Vehicles.Count;
        var visits = new List<PlannedVisit>();
        var seen = new HashSet<int>();
        long metres = 0;
        var late = 0;
        var lateJobs = 0;
        for (var v = 0; v < routes.Count && v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            var home = problem.HomeOf[v];
            var node = home;
            var time = vehicle.StartMinute;
            foreach (var job in routes[v])
            {
                feasible &= seen.Add(job) && problem.AllowedVehicles[job].Contains(v);
                var next = problem.JobNode(job);
                metres += problem.Metres(node, next);
                var start = time + problem.Minutes(node, next);
                var lateBy = Math.Max(0, start - problem.Jobs[job].LatestStartMinute);
                late += lateBy;
                lateJobs += lateBy > 0 ? 1 : 0;
                time = start + problem.Jobs[job].DurationMinutes;
                visits.Add(new(problem.Jobs[job].Id, v, vehicle.EngineerId, start, time, lateBy));
                node = next;
            }

            metres += problem.Metres(node, home);
            feasible &= time + problem.Minutes(node, home) <= vehicle.EndMinute;
        }

        var unplanned = Enumerable.Range(0, problem.Jobs.Count).Where(j => !seen.Contains(j)).Select(j => problem.Jobs[j].Id).ToList();
        var km = metres / 1000.0;
        var cost = (km * problem.Costs.CostPerKm) + (late * problem.Costs.CostPerLateMinute) + (unplanned.Count * problem.Costs.UnplannedCost);
        return new(planner, routes, visits, unplanned, new(km, late, lateJobs, visits.Count, unplanned.Count, Math.Round(cost, 3)), feasible, elapsed);
    }
}
