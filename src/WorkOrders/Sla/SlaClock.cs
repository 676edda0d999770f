using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// Keeps an order's SLA clocks: on open it picks the policy and sets the due times; on every status change it
/// pauses or resumes (adding the paused business time), moves the due times out by the time paused, and
/// (re)schedules the warning, breach and stall timers. Changes go into the caller's context and unit of work.
/// </summary>
public sealed class SlaClock(SlaCatalog catalog)
{
    public async Task StartAsync(MaintenanceDbContext db, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var terms = await catalog.TermsForAsync(db, order, cancellationToken);
        order.SlaPolicyId = terms.Policy.Id;
        order.SlaPausedFor = TimeSpan.Zero;
        order.SlaPausedSince = null;
        Apply(terms, order, new TimerRows(db, order, []), now);
    }

    public async Task OnStatusChangedAsync(MaintenanceDbContext db, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        if (order.SlaPolicyId is null)
        {
            return;
        }

        var terms = await catalog.TermsForAsync(db, order, cancellationToken);
        var existing = await db.DurableTimers.Where(t => t.WorkOrderId == order.Id).ToListAsync(cancellationToken);
        Apply(terms, order, new TimerRows(db, order, existing), now);
    }

    private static void Apply(SlaTerms terms, WorkOrder order, TimerRows timers, DateTimeOffset now)
    {
        var stopped = SlaTerms.IsStopped(order.Status);
        var paused = !stopped && terms.PausesIn(order.Status);
        if (order.SlaPausedSince is { } since && !paused)
        {
            order.SlaPausedFor += terms.Calendar.Between(since, now);
            order.SlaPausedSince = null;
        }
        else if (order.SlaPausedSince is null && paused)
        {
            order.SlaPausedSince = now;
        }

        order.ResponseDueAt = terms.DueAt(order, SlaMilestone.Response);
        order.ArrivalDueAt = terms.DueAt(order, SlaMilestone.Arrival);
        order.ResolutionDueAt = terms.DueAt(order, SlaMilestone.Resolution);
        var fraction = terms.Policy.WarningFraction;
        foreach (var milestone in Enum.GetValues<SlaMilestone>())
        {
            if (stopped || paused || SlaTerms.IsMet(milestone, order.Status))
            {
                timers.Cancel(SlaTimerKinds.Warning(milestone));
                timers.Cancel(SlaTimerKinds.Breach(milestone));
                continue;
            }

            if (fraction is > 0 and < 1)
            {
                timers.Schedule(SlaTimerKinds.Warning(milestone), terms.DueAt(order, milestone, fraction));
            }

            timers.Schedule(SlaTimerKinds.Breach(milestone), terms.DueAt(order, milestone));
        }

        if (stopped || paused || terms.Policy.StallAfter is not { } stall)
        {
            timers.Cancel(SlaTimerKinds.Stall);
        }
        else
        {
            timers.Schedule(SlaTimerKinds.Stall, terms.Calendar.Add(now, stall), rearm: true);
        }

        if (stopped)
        {
            foreach (var kind in timers.Kinds.Where(k => SlaTimerKinds.IsEscalation(k, out _)))
            {
                timers.Cancel(kind);
            }
        }
    }
}
