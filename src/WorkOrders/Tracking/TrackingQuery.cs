using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Tracking;

/// <summary>Finds the <see cref="TrackingView"/> behind a progress-link token; a malformed token is not looked up.</summary>
public sealed class TrackingQuery(IDbContextFactory<MaintenanceDbContext> contexts)
{
    public async Task<TrackingView?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!TrackingTokens.LooksValid(token))
        {
            return null;
        }

        await using var db = contexts.CreateDbContext();
        var order = await db.WorkOrders.AsNoTracking()
            .Where(w => w.TrackingToken == token)
            .Select(w => new { w.Number, w.Status, w.ResponseDueAt, w.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return order is null
            ? null
            : new TrackingView(
                order.Number,
                CustomerStates.Label(order.Status),
                CustomerStates.AwaitsArrival(order.Status) ? order.ResponseDueAt : null,
                order.UpdatedAt);
    }
}
