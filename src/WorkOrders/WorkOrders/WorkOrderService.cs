using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Models;
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
    SlaClock slaClock,
    PredictivePlanner planner,
    TimeProvider clock,
    ILogger<WorkOrderService> logger) : IPredictiveWorkOrders
{
    private async Task<OpenResult> OpenAsync(
        WorkOrderDraft draft, string actor, DateTimeOffset? detectedAt, CancellationToken cancellationToken)
    {
        if (draft.IdempotencyKey is { } key && await FindByKeyAsync(key, cancellationToken) is { } earlier)
        {
            logger.AlreadyOpened(key, earlier.Number);
            return new(earlier, false, null);
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
                CustomerId = draft.Party?.CustomerId,
                CustomerTier = draft.Party?.CustomerTier,
                ContactName = draft.Party?.ContactName,
                ContactPhone = draft.Party?.ContactPhone,
                ContactEmail = draft.Party?.ContactEmail,
                TemplateFieldsJson = draft.TemplateFieldsJson,
                ModelVersion = draft.ModelVersion,
                DetectedAt = draft.DetectedAt,
                DueBy = draft.DueBy,
                TrackingToken = Tracking.TrackingTokens.New(),
            };
            db.WorkOrders.Add(order);
            await slaClock.StartAsync(db, order, now, cancellationToken);
            db.WorkOrderEvents.Add(new()
            {
                WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.Opened, Actor = actor,
                Note = $"{order.Number} opened from {order.Source}: {order.Title}",
                DataJson = WorkOrderEventData.Opened(order, detectedAt),
            });
            var original = draft.AllowDuplicate || draft.DeviceId is null
                ? null
                : await DuplicateLinks.FindOpenAsync(db, draft.DeviceId, draft.Category, cancellationToken);
            if (original is not null)
            {
                DuplicateLinks.Link(db, order, original, actor, now);
                logger.LinkedAsDuplicate(order.Number, order.DeviceId, original.Number, order.Category);
            }
            else
            {
                await assignment.AssignAsync(db, order, actor, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.Opened(order.Number, order.Source, order.DeviceId, order.Status, order.AssigneeId);
            return new(order, true, original?.Number);
        }
        catch (DbUpdateException) when (draft.IdempotencyKey is not null)
        {
            // Another call with the same key committed first: the unique index rejected this one.
            if (await FindByKeyAsync(draft.IdempotencyKey, cancellationToken) is { } winner)
            {
                logger.AlreadyOpened(draft.IdempotencyKey, winner.Number);
                return new(winner, false, null);
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

    private sealed record OpenResult(WorkOrder Order, bool Created, string? LinkedToNumber);

    private sealed record WorkOrderDraft(
        WorkOrderSource Source,
        string Category,
        string Title,
        string Description,
        WorkOrderPriority Priority,
        string? DeviceId,
        string? AssetType,
        string? Site,
        string? IdempotencyKey,
        double? Severity = null,
        DateTimeOffset? PredictedFailureAt = null)
    {
        public IntakeParty? Party { get; init; }

        public string? TemplateFieldsJson { get; init; }

        public bool AllowDuplicate { get; init; }
        public string? ModelVersion { get; init; }

        public DateTimeOffset? DetectedAt { get; init; }

        /// <summary>Set by a forecast's preventive plan: the resolution is due then.</summary>
        public DateTimeOffset? DueBy { get; init; }
    }
}
