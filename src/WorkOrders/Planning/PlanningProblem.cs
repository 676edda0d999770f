using WorkOrders.Maintenance.Dispatch;

namespace WorkOrders.Maintenance.Planning;

/// <summary>A job to plan: where, how long, and the latest start that is still on time (minutes from the plan's start).</summary>
public sealed record PlanningJob(string Id, double Latitude, double Longitude, int DurationMinutes, int LatestStartMinute);

/// <summary>One working window of one engineer: leaves home at <see cref="StartMinute"/> at the earliest, back by <see cref="EndMinute"/>.</summary>
public sealed record PlanningVehicle(string EngineerId, double HomeLatitude, double HomeLongitude, int StartMinute, int EndMinute);

/// <summary>The weights of the one cost function both planners minimise.</summary>
public sealed record PlanningCosts(double CostPerKm, double CostPerLateMinute, double UnplannedCost);

/// <summary>
/// A planning instance in whole minutes and metres: nodes 0..H-1 are the engineers' homes, H.. the jobs.
/// <see cref="AllowedVehicles"/> lists, per job, the vehicles whose engineer may take it.
/// </summary>
public sealed class PlanningProblem
{
    private readonly long[][] metres;
    private readonly int[][] minutes;

    public PlanningProblem(
        IReadOnlyList<PlanningJob> jobs, IReadOnlyList<PlanningVehicle> vehicles, IReadOnlyList<IReadOnlyList<int>> allowedVehicles,
        PlanningCosts costs, double speedKmh)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(vehicles);
        ArgumentNullException.ThrowIfNull(allowedVehicles);
        if (allowedVehicles.Count != jobs.Count)
        {
            throw new ArgumentException("allowedVehicles needs one list per job.", nameof(allowedVehicles));
        }

        Jobs = jobs;
        Vehicles = vehicles;
        AllowedVehicles = allowedVehicles;
        Costs = costs;
        var homes = vehicles.Select(v => (v.EngineerId, v.HomeLatitude, v.HomeLongitude)).Distinct().ToList();
        HomeCount = homes.Count;
        HomeOf = [.. vehicles.Select(v => homes.IndexOf((v.EngineerId, v.HomeLatitude, v.HomeLongitude)))];
        var points = homes.Select(h => (h.HomeLatitude, h.HomeLongitude)).Concat(jobs.Select(j => (j.Latitude, j.Longitude))).ToArray();
        metres = new long[points.Length][];
        minutes = new int[points.Length][];
        for (var i = 0; i < points.Length; i++)
        {
            metres[i] = new long[points.Length];
            minutes[i] = new int[points.Length];
            for (var j = 0; j < points.Length; j++)
            {
                var km = i == j ? 0 : GeoDistance.Kilometres(points[i].Item1, points[i].Item2, points[j].Item1, points[j].Item2);
                metres[i][j] = (long)Math.Round(km * 1000);
                minutes[i][j] = (int)Math.Ceiling(km / speedKmh * 60);
            }
        }
    }

    public IReadOnlyList<PlanningJob> Jobs { get; }

    public IReadOnlyList<PlanningVehicle> Vehicles { get; }

    public IReadOnlyList<IReadOnlyList<int>> AllowedVehicles { get; }

    public PlanningCosts Costs { get; }

    public int HomeCount { get; }

    /// <summary>The home node of each vehicle.</summary>
    public IReadOnlyList<int> HomeOf { get; }

    public int NodeCount => HomeCount + Jobs.Count;

    public int JobNode(int job) => HomeCount + job;

    public long Metres(int fromNode, int toNode) => metres[fromNode][toNode];

    public int Minutes(int fromNode, int toNode) => minutes[fromNode][toNode];

    /// <summary>The whole matrix of metres (the solver's arc costs are derived from it).</summary>
    internal long[][] MetreMatrix => metres;

    internal int[][] MinuteMatrix => minutes;
}
