using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Timers;

/// <summary>Schedules and cancels an order's timers inside the caller's unit of work (tracked, saved by the caller).</summary>
public sealed class TimerRows(MaintenanceDbContext db, WorkOrder order, List<DurableTimer> existing)
{
    /// <summary>
    /// Sets the due time of an unfired timer, or adds it. A fired timer stays fired unless <paramref name="rearm"/>,
    /// which makes it fire again (for timers that recur, like a stall).
    /// </summary>
    public void Schedule(string kind, DateTimeOffset dueAt, bool rearm = false)
    {
        var timer = existing.Find(t => t.Kind == kind);
        if (timer is null)
        {
            timer = new DurableTimer { WorkOrderId = order.Id, Kind = kind, DueAt = dueAt };
            existing.Add(timer);
            db.DurableTimers.Add(timer);
            return;
        }

        if (timer.FiredAt is not null && !rearm)
        {
            return;
        }

        if (timer.DueAt != dueAt || timer.FiredAt is not null)
        {
            timer.DueAt = dueAt;
            timer.FiredAt = null;
            timer.Attempts = 0;
            timer.LeaseOwner = null;
            timer.LeaseUntil = null;
            timer.Revision++;
        }
    }

    /// <summary>Adds the timer only if the order never had one of this kind.</summary>
    public void ScheduleOnce(string kind, DateTimeOffset dueAt)
    {
        if (!existing.Exists(t => t.Kind == kind))
        {
            Schedule(kind, dueAt);
        }
    }

    /// <summary>Deletes the unfired timer of this kind, if any; fired ones stay as the record that they fired.</summary>
    public void Cancel(string kind)
    {
        if (existing.Find(t => t.Kind == kind && t.FiredAt is null) is { } timer)
        {
            existing.Remove(timer);
            db.DurableTimers.Remove(timer);
        }
    }

    public IEnumerable<string> Kinds => existing.Select(t => t.Kind).ToList();
}
