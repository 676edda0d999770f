using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Audit;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.WorkOrders;

public sealed partial class WorkOrderService
{
    private const int TransitionAttempts = 3;

    /// <inheritdoc cref="TransitionAsync(string, WorkOrderTransitionRequest, Actor?, CancellationToken)"/>
    public Task<TransitionResult> TransitionAsync(
        string idOrNumber, WorkOrderTransitionRequest request, CancellationToken cancellationToken = default) =>
        TransitionAsync(idOrNumber, request, null, cancellationToken);

    /// <summary>
    /// Moves an order through <see cref="WorkOrderStateMachine"/> and records the event with who (actor and role),
    /// where and a note. The actor is <paramref name="authenticated"/> when the host knows it, otherwise the request's
    /// <c>actor</c> and <c>role</c>. An illegal move is a <see cref="TransitionOutcome.Conflict"/> with the reason, a
    /// role that may not make it <see cref="TransitionOutcome.Forbidden"/>; a concurrent change is retried against the new state.
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(
        string idOrNumber, WorkOrderTransitionRequest request, Actor? authenticated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var to = errors.Enum<WorkOrderStatus>("to", request.To, required: true);
        var actor = authenticated ?? ParseActor(errors, request);
        var note = errors.Text("note", request.Note, 2000, required: false);
        var location = WorkOrderEventLocation.Parse(errors, request.Latitude, request.Longitude, request.AccuracyMeters);
        var assigneeId = string.IsNullOrWhiteSpace(request.AssigneeId) ? null : request.AssigneeId.Trim();
        if (assigneeId is not null && to != WorkOrderStatus.Dispatched)
        {
            errors.Add("assigneeId", "assigneeId may only be given when moving to Dispatched.");
        }
        else if (assigneeId is not null && !DeviceIds.IsValid(assigneeId))
        {
            errors.Add("assigneeId", "assigneeId must be an engineer id.");
        }

        if (to == WorkOrderStatus.Rejected && note is null && !errors.Contains("note"))
        {
            errors.Add("note", "note is required when rejecting an order: say why, so the dispatcher can act on it.");
        }

        if (!errors.IsEmpty)
        {
            return TransitionResult.Invalid(errors.ToDictionary());
        }

        var move = new Move(to!.Value, actor!, note, assigneeId, location);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            var order = await ByIdOrNumber(db.WorkOrders, idOrNumber).FirstOrDefaultAsync(cancellationToken);
            if (order is null)
            {
                return TransitionResult.NotFound();
            }

            var from = order.Status;
            if (WorkOrderStateMachine.Find(from, move.To) is not { } transition)
            {
                return TransitionResult.Conflict(WorkOrderStateMachine.WhyNot(from, move.To)!);
            }

            if (transition.WhyForbidden(move.Actor, order.AssigneeId) is { } forbidden)
            {
                logger.MoveForbidden(move.Actor.Id, move.Actor.Role, order.Number, from, move.To);
                return TransitionResult.Forbidden(forbidden);
            }

            var now = clock.GetUtcNow();
            if (await ApplyAsync(db, order, transition, move, now, cancellationToken) is { } failure)
            {
                return failure;
            }

            StampActorAndLocation(db, order.Id, move);
            order.UpdatedAt = now;
            order.Version++;
            await slaClock.OnStatusChangedAsync(db, order, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.Moved(order.Number, from, order.Status, move.Actor.Id);
                return TransitionResult.Moved(order);
            }
            catch (DbUpdateConcurrencyException) when (attempt < TransitionAttempts)
            {
                logger.ConcurrentChange(order.Number, move.To);
            }
            catch (DbUpdateConcurrencyException)
            {
                return TransitionResult.Conflict($"{order.Number} kept changing while moving it to {move.To}; reload it and try again.");
            }
        }
    }

    private static Actor? ParseActor(ValidationErrors errors, WorkOrderTransitionRequest request)
    {
        var id = errors.Text("actor", request.Actor, Actor.MaxIdLength, required: true);
        var role = errors.Enum<ActorRole>("role", request.Role, required: true);
        return id is not null && role is not null && !errors.Contains("actor") ? new Actor(id, role.Value) : null;
    }

    /// <summary>Changes the tracked order and adds the event; returns a result only when the move cannot happen.</summary>
    private async Task<TransitionResult?> ApplyAsync(
        MaintenanceDbContext db, WorkOrder order, WorkOrderTransition transition, Move move, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var from = order.Status;
        var previousAssignee = order.AssigneeId;
        switch (transition.EventType)
        {
            case WorkOrderEventTypes.Dispatched when move.AssigneeId is null:
                var decision = await assignment.AssignAsync(db, order, move.Actor.Id, now, cancellationToken);
                return decision.Chosen is null
                    ? TransitionResult.Conflict($"{decision.Reason} Give assigneeId to dispatch it by hand.")
                    : null;

            case WorkOrderEventTypes.Dispatched or WorkOrderEventTypes.Reassigned:
                if (move.AssigneeId is null)
                {
                    return Invalid("assigneeId", $"assigneeId is required to reassign a {from} order: name the engineer who takes it over.");
                }

                if (move.AssigneeId == previousAssignee)
                {
                    return TransitionResult.Conflict($"{order.Number} is already assigned to {previousAssignee}; name another engineer to reassign it.");
                }

                var engineer = await db.Engineers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == move.AssigneeId, cancellationToken);
                if (engineer is not { Active: true })
                {
                    return Invalid("assigneeId", $"assigneeId '{move.AssigneeId}' is not an active engineer.");
                }

                order.AssigneeId = engineer.Id;
                order.Status = transition.Lands;
                var reassigned = transition.EventType == WorkOrderEventTypes.Reassigned;
                AddEvent(db, order, transition.EventType, move, now,
                    move.Note ?? (reassigned
                        ? $"Reassigned from {previousAssignee} to {engineer.Name} ({engineer.Id})."
                        : $"Dispatched by hand to {engineer.Name} ({engineer.Id})."),
                    reassigned
                        ? WorkOrderEventData.Moved(from, order.Status, previousAssignee, engineer.Id)
                        : WorkOrderEventData.Dispatch(engineer.Id, automatic: false, []));
                return null;

            case WorkOrderEventTypes.Reopened when transition.Lands == WorkOrderStatus.InProgress && previousAssignee is null:
                return TransitionResult.Conflict($"{order.Number} has no assignee to resume the work; reopen it to New so it is dispatched again.");
        }

        order.Status = transition.Lands;
        if (order.Status == WorkOrderStatus.New)
        {
            order.AssigneeId = null;
        }

        var data = order.AssigneeId == previousAssignee
            ? WorkOrderEventData.Moved(from, order.Status)
            : WorkOrderEventData.Moved(from, order.Status, previousAssignee, order.AssigneeId);
        AddEvent(db, order, transition.EventType, move, now, move.Note, data);
        return null;
    }

    private static void AddEvent(
        MaintenanceDbContext db, WorkOrder order, string type, Move move, DateTimeOffset now, string? note, string data) =>
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = type, Actor = move.Actor.Id, Note = note, DataJson = data,
        });

    /// <summary>Every event this move added (the automatic assignment adds its own) records the role and the position.</summary>
    private static void StampActorAndLocation(MaintenanceDbContext db, Guid workOrderId, Move move)
    {
        foreach (var entry in db.ChangeTracker.Entries<WorkOrderEvent>())
        {
            if (entry.State == EntityState.Added && entry.Entity.WorkOrderId == workOrderId)
            {
                entry.Entity.ActorRole = move.Actor.Role.ToString();
                entry.Entity.Latitude = move.Location?.Latitude;
                entry.Entity.Longitude = move.Location?.Longitude;
                entry.Entity.AccuracyMeters = move.Location?.AccuracyMeters;
            }
        }
    }

    private static TransitionResult Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return TransitionResult.Invalid(errors.ToDictionary());
    }

    private sealed record Move(WorkOrderStatus To, Actor Actor, string? Note, string? AssigneeId, WorkOrderEventLocation? Location);
}
