using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

public sealed partial class WorkOrderService
{
    private const int TransitionAttempts = 3;

    /// <summary>
    /// Moves an order through <see cref="WorkOrderStateMachine"/> and records the event. An illegal move is a
    /// <see cref="TransitionOutcome.Conflict"/> with the reason; a concurrent change is retried against the new state.
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(
        string idOrNumber, WorkOrderTransitionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var to = errors.Enum<WorkOrderStatus>("to", request.To, required: true);
        var actor = errors.Text("actor", request.Actor, 128, required: true);
        var note = errors.Text("note", request.Note, 2000, required: false);
        var assigneeId = string.IsNullOrWhiteSpace(request.AssigneeId) ? null : request.AssigneeId.Trim();
        if (assigneeId is not null && to != WorkOrderStatus.Dispatched)
        {
            errors.Add("assigneeId", "assigneeId may only be given when moving to Dispatched.");
        }
        else if (assigneeId is not null && !DeviceIds.IsValid(assigneeId))
        {
            errors.Add("assigneeId", "assigneeId must be an engineer id.");
        }

        if (!errors.IsEmpty)
        {
            return TransitionResult.Invalid(errors.ToDictionary());
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            var order = await ByIdOrNumber(db.WorkOrders, idOrNumber).FirstOrDefaultAsync(cancellationToken);
            if (order is null)
            {
                return TransitionResult.NotFound();
            }

            var from = order.Status;
            if (WorkOrderStateMachine.WhyNot(from, to!.Value) is { } reason)
            {
                return TransitionResult.Conflict(reason);
            }

            var now = clock.GetUtcNow();
            if (await ApplyAsync(db, order, to.Value, actor!, note, assigneeId, now, cancellationToken) is { } failure)
            {
                return failure;
            }

            order.UpdatedAt = now;
            order.Version++;
            await slaClock.OnStatusChangedAsync(db, order, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.Moved(order.Number, from, order.Status, actor!);
                return TransitionResult.Moved(order);
            }
            catch (DbUpdateConcurrencyException) when (attempt < TransitionAttempts)
            {
                logger.ConcurrentChange(order.Number, to.Value);
            }
            catch (DbUpdateConcurrencyException)
            {
                return TransitionResult.Conflict($"{order.Number} kept changing while moving it to {to}; reload it and try again.");
            }
        }
    }

    /// <summary>Changes the tracked order and adds the event; returns a result only when the move cannot happen.</summary>
    private async Task<TransitionResult?> ApplyAsync(
        Persistence.MaintenanceDbContext db, WorkOrder order, WorkOrderStatus to, string actor, string? note,
        string? assigneeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = order.Status;
        if (to == WorkOrderStatus.Dispatched && assigneeId is null)
        {
            var decision = await assignment.AssignAsync(db, order, actor, now, cancellationToken);
            return decision.Chosen is null
                ? TransitionResult.Conflict($"{decision.Reason} Give assigneeId to dispatch it by hand.")
                : null;
        }

        if (to == WorkOrderStatus.Dispatched)
        {
            var engineer = await db.Engineers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == assigneeId, cancellationToken);
            if (engineer is not { Active: true })
            {
                var errors = new ValidationErrors();
                errors.Add("assigneeId", $"assigneeId '{assigneeId}' is not an active engineer.");
                return TransitionResult.Invalid(errors.ToDictionary());
            }

            order.AssigneeId = engineer.Id;
            order.Status = to;
            db.WorkOrderEvents.Add(new()
            {
                WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.Dispatched, Actor = actor,
                Note = note ?? $"Dispatched by hand to {engineer.Name} ({engineer.Id}).",
                DataJson = WorkOrderEventData.Dispatch(engineer.Id, automatic: false, []),
            });
            return null;
        }

        if (to == WorkOrderStatus.New)
        {
            order.AssigneeId = null;
        }

        order.Status = to;
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.ForStatus(to), Actor = actor, Note = note,
            DataJson = WorkOrderEventData.Moved(from, to),
        });
        return null;
    }
}
