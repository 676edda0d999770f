using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Maintenance.WorkOrders;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// The order with this id (a GUID) or number (<c>WO-26-00042</c>, any case), with the number of the order it is a
    /// duplicate of; null when there is none.
    /// </summary>
    public async Task<WorkOrderView?> GetAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        await using var db = contexts.CreateDbContext();
        var order = await ByIdOrNumber(db.WorkOrders.AsNoTracking(), idOrNumber).FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return null;
        }

        var duplicateOf = order.DuplicateOfId is { } originalId
            ? await db.WorkOrders.AsNoTracking().Where(w => w.Id == originalId).Select(w => w.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        return WorkOrderView.From(order, duplicateOf);
    }

    /// <summary>A page of orders matching every filter given, newest first.</summary>
    public async Task<WorkOrderPage> QueryAsync(WorkOrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = contexts.CreateDbContext();
        var orders = db.WorkOrders.AsNoTracking();
        if (query.Status is { } status)
        {
            orders = orders.Where(w => w.Status == status);
        }

        if (query.Source is { } source)
        {
            orders = orders.Where(w => w.Source == source);
        }

        if (query.DeviceId is { } deviceId)
        {
            orders = orders.Where(w => w.DeviceId == deviceId);
        }

        if (query.AssetType is { } assetType)
        {
            orders = orders.Where(w => w.AssetType == assetType);
        }

        if (query.AssigneeId is { } assigneeId)
        {
            orders = orders.Where(w => w.AssigneeId == assigneeId);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, WorkOrderQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var total = await orders.CountAsync(cancellationToken);
        var items = await orders
            .OrderByDescending(w => w.CreatedAt)
            .ThenByDescending(w => w.Number)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new(items.ConvertAll(WorkOrderView.From), page, pageSize, total);
    }

    /// <summary>The order's history, oldest first; null when the order does not exist.</summary>
    public async Task<IReadOnlyList<WorkOrderEventView>?> GetEventsAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        await using var db = contexts.CreateDbContext();
        var id = await ByIdOrNumber(db.WorkOrders.AsNoTracking(), idOrNumber).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return null;
        }

        var events = await db.WorkOrderEvents.AsNoTracking().Where(e => e.WorkOrderId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return events.ConvertAll(WorkOrderEventView.From);
    }
}
