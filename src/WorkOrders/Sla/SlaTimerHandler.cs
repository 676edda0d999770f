using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// What SLA timers do when due: a warning writes <c>sla-warning</c>; a breach writes <c>sla-breached</c> and, on the
/// first breach, escalates to the assignee; <c>escalate-N</c> climbs the ladder; <c>stall</c> escalates an order
/// without a status change. A timer whose order moved on (target met, paused, resolved) is stale; one whose due
/// time moved out (paused time) is postponed.
/// </summary>
public sealed class SlaTimerHandler(SlaCatalog catalog, Escalator escalator, SlaMetrics metrics, ILogger<SlaTimerHandler> logger)
    : IDurableTimerHandler
{
    private const string Actor = "sla";

    public async Task<TimerOutcome> FireAsync(
        MaintenanceDbContext db, DurableTimer timer, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(order);
        if (order.SlaPolicyId is null || SlaTerms.IsStopped(order.Status))
        {
            return TimerOutcome.Stale;
        }

        var terms = await catalog.TermsForAsync(db, order, cancellationToken);
        var others = await db.DurableTimers.Where(t => t.WorkOrderId == order.Id && t.Id != timer.Id).ToListAsync(cancellationToken);
        var rows = new TimerRows(db, order, others);
        if (SlaTimerKinds.IsTarget(timer.Kind, out var milestone, out var warning))
        {
            return FireTarget(db, rows, timer, order, terms, milestone, warning, now);
        }

        if (SlaTimerKinds.IsEscalation(timer.Kind, out var level))
        {
            if (order.EscalationLevel >= level)
            {
                return TimerOutcome.Stale;
            }

            escalator.Escalate(db, rows, order, terms, level, "the order is still open after the previous escalation step", Actor, now, timer.DueAt);
            return TimerOutcome.Fired;
        }

        if (timer.Kind == SlaTimerKinds.Stall)
        {
            if (order.SlaPausedSince is not null || terms.Policy.StallAfter is not { } stall || order.EscalationLevel >= Escalator.MaxLevel)
            {
                return TimerOutcome.Stale;
            }

            var due = terms.Calendar.Add(order.UpdatedAt, stall);
            if (due > now)
            {
                return TimerOutcome.Later(due);
            }

            escalator.Escalate(db, rows, order, terms, order.EscalationLevel + 1, $"no status change for {stall} of business time", Actor, now, due);
            return TimerOutcome.Fired;
        }

        return TimerOutcome.Stale;
    }

    private TimerOutcome FireTarget(
        MaintenanceDbContext db, TimerRows rows, DurableTimer timer, WorkOrder order, SlaTerms terms, SlaMilestone milestone,
        bool warning, DateTimeOffset now)
    {
        if (order.SlaPausedSince is not null || SlaTerms.IsMet(milestone, order.Status))
        {
            return TimerOutcome.Stale;
        }

        var fraction = terms.Policy.WarningFraction;
        var due = terms.DueAt(order, milestone, warning ? fraction : 1);
        if (due > now)
        {
            return TimerOutcome.Later(due);
        }

        var name = SlaTimerKinds.Name(milestone);
        var dueAt = terms.DueAt(order, milestone);
        var reason = warning
            ? string.Create(CultureInfo.InvariantCulture, $"{fraction:P0} of the {name} target has passed")
            : $"the {name} target was breached";
        var type = warning ? SlaEventTypes.Warning : SlaEventTypes.Breached;
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = type, Actor = Actor,
            Note = string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(reason[0])}{reason[1..]} (due {dueAt:yyyy-MM-dd HH:mm} UTC)."),
            DataJson = SlaJson.Event(new SlaEventData(name, dueAt, order.EscalationLevel, reason,
                Escalator.Recipients(order, terms.Ladder, Math.Max(order.EscalationLevel, 1)))),
        });
        logger.SlaEvent(order.Number, type, name);
        if (warning)
        {
            metrics.Warned(name);
            return TimerOutcome.Fired;
        }

        metrics.Breached(name);
        if (order.EscalationLevel < 1)
        {
            escalator.Escalate(db, rows, order, terms, 1, reason, Actor, now, timer.DueAt, name);
        }

        return TimerOutcome.Fired;
    }
}
