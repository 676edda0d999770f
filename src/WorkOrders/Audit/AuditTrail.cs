using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>Reads and verifies a work order's audit chain; <c>{idOrNumber}</c> is its GUID or its number (any case).</summary>
public sealed class AuditTrail(IDbContextFactory<MaintenanceDbContext> contexts, ILogger<AuditTrail> logger)
{
    /// <summary>The order's events in chain order; null when the order does not exist.</summary>
    public async Task<IReadOnlyList<AuditEventView>?> GetAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        await using var db = contexts.CreateDbContext();
        if (await FindAsync(db, idOrNumber, cancellationToken) is not { } order)
        {
            return null;
        }

        var events = await LoadAsync(db, order.Id, cancellationToken);
        return events.ConvertAll(AuditEventView.From);
    }

    /// <summary>Re-hashes the order's chain from the stored rows; null when the order does not exist.</summary>
    public async Task<AuditVerification?> VerifyAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        await using var db = contexts.CreateDbContext();
        if (await FindAsync(db, idOrNumber, cancellationToken) is not { } order)
        {
            return null;
        }

        var result = AuditVerification.Verify(await LoadAsync(db, order.Id, cancellationToken));
        if (!result.Valid)
        {
            logger.ChainBroken(order.Number, result.FirstBrokenSequence, result.Reason);
        }

        return result;
    }

    private static Task<List<WorkOrderEvent>> LoadAsync(MaintenanceDbContext db, Guid workOrderId, CancellationToken cancellationToken) =>
        db.WorkOrderEvents.AsNoTracking()
            .Where(e => e.WorkOrderId == workOrderId)
            .OrderBy(e => e.Sequence).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

    private static Task<OrderKey?> FindAsync(MaintenanceDbContext db, string idOrNumber, CancellationToken cancellationToken)
    {
        var orders = db.WorkOrders.AsNoTracking();
        if (Guid.TryParse(idOrNumber, out var id))
        {
            orders = orders.Where(w => w.Id == id);
        }
        else
        {
            var number = idOrNumber.Trim().ToUpperInvariant();
            orders = WorkOrderNumbers.LooksLikeNumber(number) ? orders.Where(w => w.Number == number) : orders.Where(_ => false);
        }

        return orders.Select(w => new OrderKey(w.Id, w.Number)).FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record OrderKey(Guid Id, string Number);
}
