using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>
/// Opens, finds and moves work orders. Opening allocates the number, inserts the order with its "opened" event and
/// runs the <see cref="EngineerAssignment"/> in one transaction; a unique <see cref="WorkOrder.IdempotencyKey"/>
/// turns retries, redeliveries and concurrent calls into the order that was opened first.
/// </summary>
public sealed partial class WorkOrderService(
    IDbContextFactory<MaintenanceDbContext> contexts,
    DeviceRegistry devices,
    EngineerAssignment assignment,
    SlaPolicy sla,
    TimeProvider clock,
    ILogger<WorkOrderService> logger) : IPredictiveWorkOrders
{
    private async Task<(WorkOrder Order, bool Created)> OpenAsync(
        WorkOrderDraft draft, string actor, DateTimeOffset? detectedAt, CancellationToken cancellationToken)
    {
        if (draft.IdempotencyKey is { } key && await FindByKeyAsync(key, cancellationToken) is { } earlier)
        {
            logger.AlreadyOpened(key, earlier.Number);
            return (earlier, false);
        }

        try
        {
            await using var db = contexts.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var (responseDueAt, resolutionDueAt) = sla.DueTimes(draft.Priority, now, draft.PredictedFailureAt);
            var order = new WorkOrder
            {
                Id = Guid.CreateVersion7(now),
                Number = await WorkOrderNumbers.NextAsync(db, now, cancellationToken),
                Source = draft.Source,
                Category = draft.Category,
                DeviceId = draft.DeviceId,
                AssetType = draft.AssetType,
                Site = draft.Site,
                Title = draft.Title,
                Description = draft.Description,
                Priority = draft.Priority,
                Status = WorkOrderStatus.New,
                CreatedAt = now,
                UpdatedAt = now,
                ResponseDueAt = responseDueAt,
                ResolutionDueAt = resolutionDueAt,
                IdempotencyKey = draft.IdempotencyKey,
                Severity = draft.Severity,
                PredictedFailureAt = draft.PredictedFailureAt,
                TrackingToken = Tracking.TrackingTokens.New(),
            };
            db.WorkOrders.Add(order);
            db.WorkOrderEvents.Add(new()
            {
                WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.Opened, Actor = actor,
                Note = $"{order.Number} opened from {order.Source}: {order.Title}",
                DataJson = WorkOrderEventData.Opened(order, detectedAt),
            });
            await assignment.AssignAsync(db, order, actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.Opened(order.Number, order.Source, order.DeviceId, order.Status, order.AssigneeId);
            return (order, true);
        }
        catch (DbUpdateException) when (draft.IdempotencyKey is not null)
        {
            // Another call with the same key committed first: the unique index rejected this one.
            if (await FindByKeyAsync(draft.IdempotencyKey, cancellationToken) is { } winner)
            {
                logger.AlreadyOpened(draft.IdempotencyKey, winner.Number);
                return (winner, false);
            }

            throw;
        }
    }

    private async Task<WorkOrder?> FindByKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.IdempotencyKey == idempotencyKey, cancellationToken);
    }

    private static IQueryable<WorkOrder> ByIdOrNumber(IQueryable<WorkOrder> orders, string idOrNumber)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return orders.Where(w => w.Id == id);
        }

        var number = idOrNumber.Trim().ToUpperInvariant();
        return WorkOrderNumbers.LooksLikeNumber(number) ? orders.Where(w => w.Number == number) : orders.Where(_ => false);
    }

    private sealed record WorkOrderDraft(
        WorkOrderSource Source,
        WorkOrderCategory Category,
        string Title,
        string Description,
        WorkOrderPriority Priority,
        string? DeviceId,
        string? AssetType,
        string? Site,
        string? IdempotencyKey,
        double? Severity = null,
        DateTimeOffset? PredictedFailureAt = null);
}
