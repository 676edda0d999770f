using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Timers;

/// <summary>
/// Does what a due timer means. Changes go into <paramref name="db"/> only; the scheduler saves them together with
/// the timer's new state, so they happen exactly when the timer fires.
/// </summary>
public interface IDurableTimerHandler
{
    Task<TimerOutcome> FireAsync(
        MaintenanceDbContext db, DurableTimer timer, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken);
}
