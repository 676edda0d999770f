using WorkOrders.Maintenance.Planning;

namespace WorkOrders.WorkOrders.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly PlanningCosts Costs = new(CostPerKm: 1, CostPerLateMinute: 2, UnplannedCost: 10_000);

    [Fact]
    public void BothPlanners_ProduceFeasiblePlans_WithoutOverlap_InsideWorkingHours_OnlyWithAllowedEngineers()
    {
        var problem = SmallInstance(seed: 7);

        foreach (var plan in new[] { GreedyPlanner.Solve(problem), OrToolsPlanner.Solve(problem, TimeSpan.FromSeconds(2)) })
        {
            Assert.True(plan.Feasible, plan.Planner);
            foreach (var route in plan.Visits.GroupBy(v => v.Vehicle))
            {
                var vehicle = problem.Vehicles[route.Key];
                var ordered = route.OrderBy(v => v.StartMinute).ToList();
                Assert.All(ordered, v => Assert.InRange(v.StartMinute, vehicle.StartMinute, vehicle.EndMinute));
                Assert.All(ordered, v => Assert.True(v.EndMinute <= vehicle.EndMinute, $"{plan.Planner}: {v.JobId} ends after the window"));
                Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.EndMinute <= pair.Second.StartMinute, $"{plan.Planner}: overlap"));
            }

            foreach (var visit in plan.Visits)
            {
                var job = problem.Jobs.ToList().FindIndex(j => j.Id == visit.JobId);
                Assert.Contains(visit.Vehicle, problem.AllowedVehicles[job]);
            }

            Assert.Equal(problem.Jobs.Count, plan.Totals.Planned + plan.Totals.Unplanned);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OrTools_CostsNoMoreThanGreedy_OnASmallInstance(int seed)
    {
        var problem = SmallInstance(seed);

        var greedy = GreedyPlanner.Solve(problem);
        var ortools = OrToolsPlanner.Solve(problem, TimeSpan.FromSeconds(2));

        Assert.True(ortools.Feasible);
        Assert.True(ortools.Totals.Cost <= greedy.Totals.Cost + 0.01, $"OR-Tools {ortools.Totals.Cost} vs greedy {greedy.Totals.Cost}");
    }

    [Fact]
    public void OrTools_FindsTheShorterRound_WhereGreedyTakesTheNearestFirst()
    {
        // One engineer at home (0,0); jobs along a line east and one west: greedy by due time zig-zags.
        var jobs = new List<PlanningJob>
        {
            new("east-1", 0, 0.10, 30, 600),
            new("west-1", 0, -0.10, 30, 600),
            new("east-2", 0, 0.20, 30, 600),
            new("west-2", 0, -0.20, 30, 600),
        };
        var vehicles = new List<PlanningVehicle> { new("eng-1", 0, 0, 0, 600) };
        var problem = new PlanningProblem(jobs, vehicles, [.. jobs.Select(_ => (IReadOnlyList<int>)[0])], Costs, 40);

        var greedy = GreedyPlanner.Solve(problem);
        var ortools = OrToolsPlanner.Solve(problem, TimeSpan.FromSeconds(1));

        Assert.True(ortools.Totals.TravelKm < greedy.Totals.TravelKm, $"OR-Tools {ortools.Totals.TravelKm} km vs greedy {greedy.Totals.TravelKm} km");
        Assert.Equal(0, ortools.Totals.Unplanned);
    }

    /// <summary>Three engineers with two 8-hour days each, 14 jobs around a city, two asset types.</summary>
    internal static PlanningProblem SmallInstance(int seed)
    {
        var random = new Random(seed);
        var jobs = new List<PlanningJob>();
        var kinds = new List<int>();
        for (var i = 0; i < 14; i++)
        {
            jobs.Add(new($"job-{i:00}", 59.3 + (random.NextDouble() * 0.2), 18.0 + (random.NextDouble() * 0.3), 60, random.Next(60, 2 * 1440)));
            kinds.Add(i % 2);
        }

        var vehicles = new List<PlanningVehicle>();
        var skills = new List<int[]>();
        for (var e = 0; e < 3; e++)
        {
            for (var day = 0; day < 2; day++)
            {
                vehicles.Add(new($"eng-{e}", 59.35 + (e * 0.03), 18.1, (day * 1440) + 480, (day * 1440) + 960));
                skills.Add(e == 0 ? [0, 1] : [e - 1]);
            }
        }

        var allowed = kinds.Select(k => (IReadOnlyList<int>)[.. Enumerable.Range(0, vehicles.Count).Where(v => skills[v].Contains(k))]).ToList();
        return new PlanningProblem(jobs, vehicles, allowed, Costs, 40);
    }
}
