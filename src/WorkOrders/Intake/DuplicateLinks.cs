using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Intake;

/// <summary>
/// Duplicate detection: a new order for a device that already has an open order (work not yet done) of the same category
/// is linked to that order instead of being dispatched, whichever channel either came from (prediction included).
/// </summary>
public static class DuplicateLinks
{
    /// <summary>
    /// Orders whose work is done or abandoned: a new fault after them is a new job, even though a completed, verified
    /// or closed order can still be reopened.
    /// </summary>
    private static readonly WorkOrderStatus[] FinalStatuses =
    [
        WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled, WorkOrderStatus.Rejected,
    ];

    /// <summary>The open order to link to: the oldest that is not itself a duplicate, else the oldest; null when none.</summary>
    public static async Task<WorkOrder?> FindOpenAsync(MaintenanceDbContext db, string deviceId, string category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.WorkOrders.AsNoTracking()
            .Where(w => w.DeviceId == deviceId && w.Category == category && !FinalStatuses.Contains(w.Status))
            .OrderBy(w => w.CreatedAt)
            .ThenBy(w => w.Number)
            .Take(20)
            .ToListAsync(cancellationToken);
        return open.Find(w => w.DuplicateOfId is null) ?? open.FirstOrDefault();
    }

    /// <summary>Marks <paramref name="order"/> (new, unsaved) as a duplicate of <paramref name="original"/>, with an event on each.</summary>
    public static void Link(MaintenanceDbContext db, WorkOrder order, WorkOrder original, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(original);
        order.DuplicateOfId = original.Id;
        var data = IntakeJson.Link(original.Id, original.Number, order.Id, order.Number);
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = IntakeEventTypes.LinkedAsDuplicate, Actor = actor, DataJson = data,
            Note = $"Linked to {original.Number}, the open {original.Category} order for {original.DeviceId} ({original.Status}); "
                + "not dispatched. A person can open a separate order with allowDuplicate: true.",
        });
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = original.Id, At = now, Type = IntakeEventTypes.DuplicateLinked, Actor = actor, DataJson = data,
            Note = $"{order.Number} ({order.Source}: {order.Title}) was linked to this order as a duplicate.",
        });
    }
}
