using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Api.Devices;

/// <summary>The fleet page's list of work orders that are not finished yet, newest first.</summary>
public sealed class OpenWorkOrdersQuery(IDbContextFactory<MaintenanceDbContext> contexts)
{
    private static readonly WorkOrderStatus[] Finished =
        [WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled];

    public async Task<IReadOnlyList<OpenWorkOrderRow>> ListAsync(CancellationToken cancellationToken, int limit = 100)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkOrders.AsNoTracking()
            .Where(o => !Finished.Contains(o.Status))
            .OrderByDescending(o => o.CreatedAt)
            .Take(limit)
            .Select(o => new OpenWorkOrderRow(o.Number, o.Source.ToString(), o.DeviceId, o.Title, o.Description, o.Priority.ToString(), o.Status.ToString(), o.AssigneeId, o.CreatedAt))
            .ToListAsync(cancellationToken);
        return rows;
    }
}

/// <summary>One row of the fleet page's work-order table.</summary>
public sealed record OpenWorkOrderRow(
    string Number, string Source, string? DeviceId, string Title, string Description, string Priority, string Status, string? AssigneeId, DateTimeOffset CreatedAt);
