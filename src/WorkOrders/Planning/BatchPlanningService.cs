using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// Plans the schedulable preventive orders (New, unassigned, category PreventiveMaintenance) into the engineers'
/// free working time of the next days, before each order's due time (its predicted failure, else its resolution due
/// time), and optionally commits the plan: assignee, Dispatched and <see cref="WorkOrder.ScheduledStartAt"/>.
/// </summary>
public sealed class BatchPlanningService(
    IDbContextFactory<MaintenanceDbContext> contexts, IOptions<PlanningOptions> options, TimeProvider clock, ILogger<BatchPlanningService> logger)
{
    private const string Preventive = Catalog.CategoryCodes.PreventiveMaintenance;

    public async Task<PlanResult> PlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var errors = new ValidationErrors();
        var days = request.Days ?? 2;
        if (days < 1 || days > settings.MaxDays)
        {
            errors.Add("days", $"days must be from 1 to {settings.MaxDays}.");
        }

        var planner = (request.Planner ?? OrToolsPlanner.Name).Trim().ToLowerInvariant();
        if (planner is not (OrToolsPlanner.Name or GreedyPlanner.Name))
        {
            errors.Add("planner", $"planner must be '{OrToolsPlanner.Name}' or '{GreedyPlanner.Name}'.");
        }

        var actor = errors.Text("actor", request.Actor, 128, required: false) ?? "planner";
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        var from = clock.GetUtcNow();
        var to = from.AddDays(days);
        await using var db = contexts.CreateDbContext();
        var (problem, orders, skipped) = await BuildAsync(db, from, to, cancellationToken);
        var plan = planner == GreedyPlanner.Name ? GreedyPlanner.Solve(problem) : OrToolsPlanner.Solve(problem, settings.SolverTimeLimit);
        var byId = orders.ToDictionary(o => o.Id.ToString());
        var planned = plan.Visits.Select(v => new PlannedOrderView(
            byId[v.JobId].Number, v.EngineerId, from.AddMinutes(v.StartMinute), from.AddMinutes(v.EndMinute),
            DueOf(byId[v.JobId], to), v.LateMinutes)).OrderBy(v => v.StartAt).ThenBy(v => v.Number, StringComparer.Ordinal).ToList();
        var unplanned = skipped.Concat(plan.Unplanned.Select(id => new UnplannedOrderView(byId[id].Number, "no allowed engineer has free working time for it"))).ToList();
        if (request.Apply && planned.Count > 0)
        {
            foreach (var visit in planned)
            {
                var order = orders.First(o => o.Number == visit.Number);
                EngineerAssignment.Commit(db, order, visit.EngineerId, from);
                order.ScheduledStartAt = visit.StartAt;
                order.Version++;
                var note = $"Planned by the {plan.Planner} planner for {visit.EngineerId}, starting {visit.StartAt:yyyy-MM-dd HH:mm} UTC"
                    + (visit.LateMinutes > 0 ? $", {visit.LateMinutes} min late." : ", on time.");
                EngineerAssignment.AddEvent(db, order, from, WorkOrderEventTypes.Dispatched, actor, note,
                    new DispatchEventData(visit.EngineerId, true, "plan", note, [], []) { ScheduledStartAt = visit.StartAt });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(null, errors.ToDictionary(), "Some of the planned orders changed while applying the plan; nothing was applied. Plan again.");
            }

            logger.PlanApplied(planned.Count, plan.Planner);
        }

        return new(new(plan.Planner, request.Apply && planned.Count > 0, from, to, plan.Totals, plan.Elapsed.TotalMilliseconds, planned, unplanned),
            errors.ToDictionary());
    }

    private async Task<(PlanningProblem Problem, List<WorkOrder> Orders, List<UnplannedOrderView> Skipped)> BuildAsync(
        MaintenanceDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var candidates = await db.WorkOrders
            .Where(w => w.Status == WorkOrderStatus.New && w.AssigneeId == null && w.AssetType != null)
            .OrderBy(w => w.CreatedAt)
            .ToListAsync(cancellationToken);
        candidates = candidates.Where(w => w.Category == Preventive).ToList();
        var engineers = await db.Engineers.AsNoTracking().AsSplitQuery()
            .Include(e => e.Skills).Include(e => e.Certifications).Include(e => e.Shifts)
            .Where(e => e.Active && e.HomeLatitude != null && e.HomeLongitude != null)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var booked = await BookedAsync(db, from, to, cancellationToken);
        var vehicles = new List<PlanningVehicle>();
        var vehicleEngineers = new List<Engineer>();
        foreach (var engineer in engineers)
        {
            foreach (var window in Free(WorkingHours.Windows(engineer.Shifts, engineer.TimeZone, from, to), booked.GetValueOrDefault(engineer.Id) ?? []))
            {
                var start = (int)Math.Ceiling((window.Start - from).TotalMinutes);
                var end = (int)Math.Floor((window.End - from).TotalMinutes);
                if (end - start >= settings.JobDuration.TotalMinutes)
                {
                    vehicles.Add(new(engineer.Id, engineer.HomeLatitude!.Value, engineer.HomeLongitude!.Value, start, end));
                    vehicleEngineers.Add(engineer);
                }
            }
        }

        var jobs = new List<PlanningJob>();
        var allowed = new List<IReadOnlyList<int>>();
        var orders = new List<WorkOrder>();
        var skipped = new List<UnplannedOrderView>();
        var duration = (int)settings.JobDuration.TotalMinutes;
        foreach (var order in candidates)
        {
            var input = await DispatchEngine.DescribeAsync(db, order, cancellationToken);
            if (input.Latitude is not { } lat || input.Longitude is not { } lon)
            {
                skipped.Add(new(order.Number, "no location: neither the order nor its site has coordinates"));
                continue;
            }

            var may = Enumerable.Range(0, vehicles.Count).Where(v => DispatchScoring.WhyNotQualified(input, vehicleEngineers[v], from) is null).ToList();
            if (may.Count == 0)
            {
                skipped.Add(new(order.Number, "no engineer with working time in the horizon passes the dispatch rules for it"));
                continue;
            }

            var latestStart = (int)Math.Floor((DueOf(order, to) - from).TotalMinutes) - duration;
            jobs.Add(new(order.Id.ToString(), lat, lon, duration, Math.Max(0, latestStart)));
            allowed.Add(may);
            orders.Add(order);
        }

        var costs = new PlanningCosts(settings.CostPerKm, settings.CostPerLateMinute, settings.UnplannedCost);
        return (new PlanningProblem(jobs, vehicles, allowed, costs, settings.TravelSpeedKmh), orders, skipped);
    }

    /// <summary>Time already booked by scheduled orders the engineers hold.</summary>
    private async Task<Dictionary<string, List<TimeWindow>>> BookedAsync(
        MaintenanceDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var assigned = WorkOrderStateMachine.AssignedStatuses.ToList();
        var duration = options.Value.JobDuration;
        var rows = await db.WorkOrders.AsNoTracking()
            .Where(w => w.AssigneeId != null && w.ScheduledStartAt != null && assigned.Contains(w.Status)
                && w.ScheduledStartAt < to && w.ScheduledStartAt > from - duration)
            .Select(w => new { AssigneeId = w.AssigneeId!, Start = w.ScheduledStartAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AssigneeId).ToDictionary(g => g.Key, g => g.Select(r => new TimeWindow(r.Start, r.Start + duration)).ToList());
    }

    /// <summary>The working windows minus the booked spans.</summary>
    internal static IEnumerable<TimeWindow> Free(IReadOnlyList<TimeWindow> windows, List<TimeWindow> booked)
    {
        foreach (var window in windows)
        {
            var start = window.Start;
            foreach (var busy in booked.Where(b => b.End > window.Start && b.Start < window.End).OrderBy(b => b.Start))
            {
                if (busy.Start > start)
                {
                    yield return new(start, busy.Start);
                }

                start = busy.End > start ? busy.End : start;
            }

            if (window.End > start)
            {
                yield return new(start, window.End);
            }
        }
    }

    private static DateTimeOffset DueOf(WorkOrder order, DateTimeOffset horizonEnd) =>
        order.PredictedFailureAt ?? order.ResolutionDueAt ?? horizonEnd;
}
