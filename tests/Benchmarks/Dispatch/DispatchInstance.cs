using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Planning;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Benchmarks.Dispatch;

/// <summary>
/// A seeded field-service instance: engineers with homes and two of four skills spread over a 60 × 60 km area,
/// weekday-style 08:00–16:00 shifts on each planning day, and open preventive orders with 60-minute jobs due 4 hours
/// to the end of the horizon from now.
/// </summary>
internal sealed class DispatchInstance
{
    private static readonly string[] AssetTypes = ["pump", "motor", "compressor", "fan"];
    private const double CentreLatitude = 59.33;
    private const double CentreLongitude = 18.06;
    private const int JobMinutes = 60;

    public DispatchInstance(DispatchBenchOptions options)
    {
        var random = new Random(options.Seed);
        Engineers = [];
        for (var e = 0; e < options.Engineers; e++)
        {
            var id = $"eng-{e:000}";
            var (lat, lon) = Point(random);
            var first = random.Next(AssetTypes.Length);
            var second = (first + 1 + random.Next(AssetTypes.Length - 1)) % AssetTypes.Length;
            Engineers.Add(new Engineer
            {
                Id = id, Name = id, Site = "area", Region = "area", HomeLatitude = lat, HomeLongitude = lon,
                Skills = [new() { EngineerId = id, AssetType = AssetTypes[first], Level = 3 }, new() { EngineerId = id, AssetType = AssetTypes[second], Level = 3 }],
            });
        }

        Orders = [];
        var horizon = options.Days * 1440;
        for (var o = 0; o < options.Orders; o++)
        {
            var (lat, lon) = Point(random);
            Orders.Add((AssetTypes[random.Next(AssetTypes.Length)], lat, lon, random.Next(240, horizon)));
        }

        var vehicles = new List<PlanningVehicle>();
        var vehicleSkills = new List<HashSet<string>>();
        foreach (var engineer in Engineers)
        {
            for (var day = 0; day < options.Days; day++)
            {
                vehicles.Add(new(engineer.Id, engineer.HomeLatitude!.Value, engineer.HomeLongitude!.Value, (day * 1440) + 480, (day * 1440) + 960));
                vehicleSkills.Add([.. engineer.Skills.Select(s => s.AssetType)]);
            }
        }

        var jobs = Orders.Select((o, i) => new PlanningJob($"wo-{i:0000}", o.Latitude, o.Longitude, JobMinutes, Math.Max(0, o.DueMinute - JobMinutes))).ToList();
        var allowed = Orders.Select(o => (IReadOnlyList<int>)[.. Enumerable.Range(0, vehicles.Count).Where(v => vehicleSkills[v].Contains(o.AssetType))]).ToList();
        var planning = new PlanningOptions();
        Problem = new PlanningProblem(jobs, vehicles, allowed, new(planning.CostPerKm, planning.CostPerLateMinute, planning.UnplannedCost), planning.TravelSpeedKmh);
    }

    public List<Engineer> Engineers { get; }

    public List<(string AssetType, double Latitude, double Longitude, int DueMinute)> Orders { get; }

    public PlanningProblem Problem { get; }

    /// <summary>The online path: each order through the dispatch rules and score, one after another, loads updated.</summary>
    public (int Dispatched, double TravelKm) DispatchOneByOne(DateTimeOffset now)
    {
        var options = new DispatchOptions();
        var loads = Engineers.ToDictionary(e => e.Id, _ => 0);
        var dispatched = 0;
        var km = 0.0;
        foreach (var order in Orders)
        {
            var input = new DispatchOrder(order.AssetType, null, null, WorkOrderPriority.Medium, order.Latitude, order.Longitude,
                now.AddMinutes(order.DueMinute), null, 1, []);
            var decision = DispatchScoring.Decide(input, Engineers.Select(e => new EngineerFacts(e, loads[e.Id], 0, 0)), now, options);
            if (decision.Chosen is { } chosen)
            {
                loads[chosen.EngineerId]++;
                dispatched++;
                km += chosen.DistanceKm ?? 0;
            }
        }

        return (dispatched, km);
    }

    private static (double Latitude, double Longitude) Point(Random random) =>
        // ±0.27° latitude ≈ ±30 km; ±0.54° longitude ≈ ±30 km at 59° N.
        (CentreLatitude + ((random.NextDouble() - 0.5) * 0.54), CentreLongitude + ((random.NextDouble() - 0.5) * 1.08));
}
