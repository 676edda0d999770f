namespace WorkOrders.Maintenance.Planning;

/// <summary>A job in a plan: which vehicle (engineer window), when it starts and ends, and how late (minutes past its latest on-time start).</summary>
public sealed record PlannedVisit(string JobId, int Vehicle, string EngineerId, int StartMinute, int EndMinute, int LateMinutes);

/// <summary>The totals of a plan under the shared cost function.</summary>
public sealed record PlanTotals(double TravelKm, int LateMinutes, int LateJobs, int Planned, int Unplanned, double Cost);

/// <summary>
/// A plan: the job order per vehicle, the visits with times, the jobs left out, the totals, and whether every route
/// fits its window with only allowed engineers and no overlap.
/// </summary>
public sealed record Plan(
    string Planner,
    IReadOnlyList<IReadOnlyList<int>> Routes,
    IReadOnlyList<PlannedVisit> Visits,
    IReadOnlyList<string> Unplanned,
    PlanTotals Totals,
    bool Feasible,
    TimeSpan Elapsed);
