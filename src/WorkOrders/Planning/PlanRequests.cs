namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// <c>POST /api/dispatch/plan</c>: plan the New preventive orders into the next <see cref="Days"/> days of engineers'
/// working time with <see cref="Planner"/> (<c>ortools</c>, the default, or <c>greedy</c>); <see cref="Apply"/> commits it.
/// </summary>
public sealed record PlanRequest(int? Days = null, bool Apply = false, string? Planner = null, string? Actor = null);

/// <summary>One order in the plan: who, when, and how late against its due time.</summary>
public sealed record PlannedOrderView(string Number, string EngineerId, DateTimeOffset StartAt, DateTimeOffset EndAt, DateTimeOffset DueAt, int LateMinutes);

/// <summary>An order the planner could not consider (no location, nobody allowed) or could not fit.</summary>
public sealed record UnplannedOrderView(string Number, string Reason);

/// <summary>The plan with its totals; <see cref="Applied"/> says whether the assignments were committed.</summary>
public sealed record PlanResponse(
    string Planner,
    bool Applied,
    DateTimeOffset From,
    DateTimeOffset To,
    PlanTotals Totals,
    double ElapsedMilliseconds,
    IReadOnlyList<PlannedOrderView> Orders,
    IReadOnlyList<UnplannedOrderView> Unplanned);

/// <summary>The plan, or messages per field, or a conflict (the orders changed while applying).</summary>
public sealed record PlanResult(PlanResponse? Plan, IDictionary<string, string[]> Errors, string? Conflict = null);
