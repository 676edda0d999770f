using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// The plan as a vehicle routing problem with time windows on OR-Tools' routing solver: one vehicle per engineer
/// working window (home to home), arc cost = metres × cost per km, lateness as a soft upper bound on each job's start,
/// a job may be dropped at the unplanned cost, only engineers allowed for the job may take it. The search starts from
/// the greedy plan and improves it with guided local search until the time limit, so it is never worse than greedy.
/// </summary>
public static class OrToolsPlanner
{
    public const string Name = "ortools";

    /// <summary>Costs are scaled to integers: 1 unit of the shared cost function = 1,000 solver units.</summary>
    private const double Scale = 1000;

    /// <summary>
    /// Solves within <paramref name="timeLimit"/>; from the greedy plan (never worse than it), or with
    /// <paramref name="startFromGreedy"/> false from OR-Tools' own first solution (path cheapest arc).
    /// </summary>
    public static Plan Solve(PlanningProblem problem, TimeSpan timeLimit, bool startFromGreedy = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var stopwatch = Stopwatch.StartNew();
        if (problem.Jobs.Count == 0 || problem.Vehicles.Count == 0)
        {
            return PlanEvaluator.Evaluate(problem, [.. problem.Vehicles.Select(_ => (IReadOnlyList<int>)[])], Name, stopwatch.Elapsed);
        }

        var vehicles = problem.Vehicles.Count;
        var homes = problem.HomeOf.ToArray();
        using var manager = new RoutingIndexManager(problem.NodeCount, vehicles, homes, homes);
        using var routing = new RoutingModel(manager);

        var metres = problem.MetreMatrix;
        var arcCost = metres.Select(row => row.Select(m => (long)Math.Round(m / 1000.0 * problem.Costs.CostPerKm * Scale)).ToArray()).ToArray();
        var arcs = routing.RegisterTransitMatrix(arcCost);
        routing.SetArcCostEvaluatorOfAllVehicles(arcs);

        // Time: leaving a job takes its duration, then the drive.
        var minutes = problem.MinuteMatrix;
        var transit = new long[problem.NodeCount][];
        for (var from = 0; from < problem.NodeCount; from++)
        {
            var service = from >= problem.HomeCount ? problem.Jobs[from - problem.HomeCount].DurationMinutes : 0;
            transit[from] = minutes[from].Select(m => (long)(m + service)).ToArray();
        }

        var horizon = problem.Vehicles.Max(v => v.EndMinute) + 1;
        routing.AddDimension(routing.RegisterTransitMatrix(transit), horizon, horizon, false, "Time");
        var time = routing.GetMutableDimension("Time");
        for (var v = 0; v < vehicles; v++)
        {
            time.CumulVar(routing.Start(v)).SetRange(problem.Vehicles[v].StartMinute, problem.Vehicles[v].EndMinute);
            time.CumulVar(routing.End(v)).SetRange(problem.Vehicles[v].StartMinute, problem.Vehicles[v].EndMinute);
        }

        var lateCost = (long)Math.Round(problem.Costs.CostPerLateMinute * Scale);
        var dropCost = (long)Math.Round(problem.Costs.UnplannedCost * Scale);
        for (var job = 0; job < problem.Jobs.Count; job++)
        {
            var index = manager.NodeToIndex(problem.JobNode(job));
            time.SetCumulVarSoftUpperBound(index, Math.Max(0, problem.Jobs[job].LatestStartMinute), lateCost);
            routing.AddDisjunction([index], dropCost);
            // -1: the job is dropped; otherwise only the vehicles of engineers allowed to take it.
            routing.VehicleVar(index).SetValues([-1, .. problem.AllowedVehicles[job].Select(v => (long)v)]);
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(timeLimit);
        routing.CloseModelWithParameters(parameters);

        var greedy = GreedyPlanner.Build(problem);
        var start = startFromGreedy
            ? routing.ReadAssignmentFromRoutes([.. greedy.Select(route => route.Select(job => manager.NodeToIndex(problem.JobNode(job))).ToArray())], true)
            : null;
        var solution = start is null
            ? routing.SolveWithParameters(parameters)
            : routing.SolveFromAssignmentWithParameters(start, parameters);
        if (solution is null)
        {
            // No solution within the time limit: the greedy plan stands, and the name says so.
            return PlanEvaluator.Evaluate(problem, greedy, Name + "-unsolved-greedy", stopwatch.Elapsed);
        }

        if (!startFromGreedy)
        {
            return PlanEvaluator.Evaluate(problem, Routes(problem, manager, routing, solution), Name + "-cold", stopwatch.Elapsed);
        }

        return PlanEvaluator.Evaluate(problem, Routes(problem, manager, routing, solution), Name, stopwatch.Elapsed);
    }

    private static IReadOnlyList<int>[] Routes(PlanningProblem problem, RoutingIndexManager manager, RoutingModel routing, Assignment solution)
    {
        var routes = new IReadOnlyList<int>[problem.Vehicles.Count];
        for (var v = 0; v < routes.Length; v++)
        {
            var route = new List<int>();
            for (var index = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
            {
                route.Add(manager.IndexToNode(index) - problem.HomeCount);
            }

            routes[v] = route;
        }

        return routes;
    }
}
