using WorkOrders.Maintenance.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Timers;

/// <summary>
/// Fires due <see cref="DurableTimer"/> rows. A node claims a timer with a conditional UPDATE (only unfired, due,
/// unleased rows) and fires it only if that UPDATE changed the row; the handler's effects and the timer's new state
/// are saved in one transaction guarded by <see cref="DurableTimer.Revision"/>, so each timer fires once.
/// </summary>
public sealed class DurableTimerScheduler(
    IDbContextFactory<MaintenanceDbContext> contexts,
    IDurableTimerHandler handler,
    TimeProvider clock,
    IOptions<DurableTimerOptions> options,
    ILogger<DurableTimerScheduler> logger)
{
    public string NodeId { get; } = string.IsNullOrWhiteSpace(options.Value.NodeId)
        ? $"{Environment.MachineName}-{Guid.NewGuid():N}"
        : options.Value.NodeId;

    /// <summary>Fires every timer due by now; returns how many fired (stale and postponed ones do not count).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = contexts.CreateDbContext())
        {
            due = await db.DurableTimers.AsNoTracking()
                .Where(t => t.FiredAt == null && t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                .Select(t => t.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
        }

        var fired = 0;
        foreach (var id in due)
        {
            if (await TryFireAsync(id, now, cancellationToken))
            {
                fired++;
            }
        }

        return fired;
    }

    private async Task<bool> TryFireAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var leaseUntil = now + options.Value.Lease;
        var claimed = await db.DurableTimers
            .Where(t => t.Id == id && t.FiredAt == null && t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.LeaseOwner, NodeId)
                    .SetProperty(t => t.LeaseUntil, leaseUntil)
                    .SetProperty(t => t.Attempts, t => t.Attempts + 1)
                    .SetProperty(t => t.Revision, t => t.Revision + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var timer = await db.DurableTimers.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (timer is null || timer.LeaseOwner != NodeId || timer.FiredAt is not null)
        {
            return false;
        }

        try
        {
            var order = await db.WorkOrders.FirstOrDefaultAsync(o => o.Id == timer.WorkOrderId, cancellationToken);
            var outcome = order is null ? TimerOutcome.Stale : await handler.FireAsync(db, timer, order, now, cancellationToken);
            switch (outcome.Kind)
            {
                case TimerOutcomeKind.Fired:
                    timer.FiredAt = now;
                    timer.LeaseUntil = null;
                    break;
                case TimerOutcomeKind.Stale:
                    db.DurableTimers.Remove(timer);
                    break;
                default:
                    timer.DueAt = outcome.DueAt!.Value;
                    timer.LeaseOwner = null;
                    timer.LeaseUntil = null;
                    break;
            }

            timer.Revision++;
            await db.SaveChangesAsync(cancellationToken);
            logger.TimerDone(timer.Kind, timer.WorkOrderId, outcome.Kind, NodeId);
            return outcome.Kind == TimerOutcomeKind.Fired;
        }
        catch (DbUpdateException exception)
        {
            // The order or the timer changed under us (or a step was added concurrently): nothing was saved.
            // Give the lease back so the next round sees the new state.
            logger.TimerConflict(exception, timer.Kind, timer.WorkOrderId);
            await using var release = contexts.CreateDbContext();
            await release.DurableTimers.Where(t => t.Id == id && t.LeaseOwner == NodeId && t.FiredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            return false;
        }
    }
}
