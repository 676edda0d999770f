using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Api.Devices;

/// <summary>The fleet page's work orders that are not finished yet, newest first, with how many there are in all.</summary>
public sealed class OpenWorkOrdersQuery(IDbContextFactory<MaintenanceDbContext> contexts)
{
    private static readonly WorkOrderStatus[] Finished =
        [WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled];

    public async Task<OpenWorkOrders> ListAsync(CancellationToken cancellationToken, int limit = 100)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = db.WorkOrders.AsNoTracking().Where(o => !Finished.Contains(o.Status));
        var total = await open.CountAsync(cancellationToken);
        var rows = await open
            .OrderByDescending(o => o.CreatedAt)
            .Take(limit)
            .Select(o => new OpenWorkOrderRow(
                o.Number,
                o.Source.ToString(),
                o.DeviceId,
                o.Title,
                o.Description,
                o.Priority.ToString(),
                o.Status.ToString(),
                o.AssigneeId,
                db.Engineers.Where(e => e.Id == o.AssigneeId).Select(e => e.Name).FirstOrDefault(),
                o.CreatedAt,
                o.ResolutionDueAt,
                o.PredictedFailureAt))
            .ToListAsync(cancellationToken);
        return new OpenWorkOrders(total, rows);
    }
}

/// <summary>The first rows of the open work orders and how many are open in all.</summary>
public sealed record OpenWorkOrders(int Total, IReadOnlyList<OpenWorkOrderRow> Rows);

/// <summary>One row of the fleet page's work-order table.</summary>
public sealed record OpenWorkOrderRow(
    string Number,
    string Source,
    string? DeviceId,
    string Title,
    string Description,
    string Priority,
    string Status,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? PredictedFailureAt);
