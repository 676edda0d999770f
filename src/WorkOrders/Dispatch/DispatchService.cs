using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// The dispatcher's and the engineer's dispatch commands: read and preview the decision, override, confirm a
/// suggestion, list and claim the open pool. Every change bumps the order's <see cref="WorkOrder.Version"/>, so two
/// concurrent commands on one order cannot both win.
/// </summary>
public sealed partial class DispatchService(
    IDbContextFactory<MaintenanceDbContext> contexts, DispatchEngine engine, TimeProvider clock, ILogger<DispatchService> logger)
{
    private static readonly string[] DecisionTypes =
        [WorkOrderEventTypes.Dispatched, WorkOrderEventTypes.NotDispatched, DispatchEventTypes.Suggested, DispatchEventTypes.PoolOpened];

    /// <summary>The order's latest dispatch event; null when there is no such order.</summary>
    public async Task<DispatchRecord?> GetAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (await FindAsync(db.WorkOrders.AsNoTracking(), idOrNumber, cancellationToken) is not { } order)
        {
            return null;
        }

        var latest = await db.WorkOrderEvents.AsNoTracking()
            .Where(e => e.WorkOrderId == order.Id && DecisionTypes.Contains(e.Type))
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var mode = await EngineerAssignment.ModeAsync(db, order.Category, cancellationToken);
        return new(order.Id, order.Number, order.Status, order.AssigneeId, mode, latest is null ? null : WorkOrderEventView.From(latest));
    }

    /// <summary>Who would get the order now and why; nothing is stored.</summary>
    public async Task<DispatchPreview?> PreviewAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (await FindAsync(db.WorkOrders.AsNoTracking(), idOrNumber, cancellationToken) is not { } order)
        {
            return null;
        }

        var decision = await engine.DecideAsync(db, order, clock.GetUtcNow(), cancellationToken);
        var mode = await EngineerAssignment.ModeAsync(db, order.Category, cancellationToken);
        return new(order.Id, order.Number, mode, decision);
    }

    /// <summary>
    /// Sends a New, Dispatched or Accepted order to the engineer named, bypassing the rules; the reason is required and
    /// stored with the rules the engineer would have failed.
    /// </summary>
    public async Task<DispatchCommandResult> OverrideAsync(string idOrNumber, DispatchOverride request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var engineerId = errors.Text("engineerId", request.EngineerId, 64, required: true);
        var reason = errors.Text("reason", request.Reason, 2000, required: true);
        var actor = errors.Text("actor", request.Actor, 128, required: true);
        if (!errors.IsEmpty)
        {
            return DispatchCommandResult.Invalid(errors.ToDictionary());
        }

        return await ChangeAsync(idOrNumber, engineerId!, actor!, "override", cancellationToken, async (db, order, engineer, now) =>
        {
            if (order.Status is not (WorkOrderStatus.New or WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted))
            {
                return $"{order.Number} is {order.Status}; only New, Dispatched or Accepted orders can be dispatched again.";
            }

            var input = await DispatchEngine.DescribeAsync(db, order, cancellationToken);
            var bypassed = DispatchScoring.WhyExcluded(input, engineer, now, engine.Options);
            var note = $"Dispatched by {actor} to {engineer.Name} ({engineer.Id}), overriding the automatic choice: {reason}"
                + (bypassed is null ? "" : $" (rule bypassed: {bypassed.Rule}, {bypassed.Reason})");
            return new DispatchEventData(engineer.Id, false, "override", note, [], bypassed is null ? [] : [bypassed]);
        });
    }

    /// <summary>Confirms one of the engineers stored by suggested mode; 409 when the order has no such suggestion.</summary>
    public async Task<DispatchCommandResult> ConfirmAsync(string idOrNumber, DispatchConfirmation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var engineerId = errors.Text("engineerId", request.EngineerId, 64, required: true);
        var actor = errors.Text("actor", request.Actor, 128, required: true);
        if (!errors.IsEmpty)
        {
            return DispatchCommandResult.Invalid(errors.ToDictionary());
        }

        return await ChangeAsync(idOrNumber, engineerId!, actor!, "confirmed", cancellationToken, async (db, order, engineer, _) =>
        {
            if (order.Status != WorkOrderStatus.New)
            {
                return $"{order.Number} is already {order.Status}{(order.AssigneeId is null ? "" : $" with {order.AssigneeId}")}; there is nothing to confirm.";
            }

            var suggested = await db.WorkOrderEvents.AsNoTracking()
                .Where(e => e.WorkOrderId == order.Id && e.Type == DispatchEventTypes.Suggested)
                .OrderByDescending(e => e.Id)
                .Select(e => e.DataJson)
                .FirstOrDefaultAsync(cancellationToken);
            var suggestions = DispatchEventData.FromJson(suggested)?.Suggestions ?? [];
            if (!suggestions.Contains(engineer.Id))
            {
                return suggestions.Count == 0
                    ? $"{order.Number} has no suggestions to confirm; use the override with a reason instead."
                    : $"{engineer.Id} is not among the suggestions for {order.Number} ({string.Join(", ", suggestions)}); use the override with a reason instead.";
            }

            return new DispatchEventData(engineer.Id, false, "confirmed", $"{actor} confirmed the suggestion {engineer.Name} ({engineer.Id}).", [], [], suggestions);
        });
    }

    /// <summary>
    /// An eligible engineer claims a New order of an open-pool category. Exactly one of many concurrent claims wins: the
    /// update is conditional on the order's <see cref="WorkOrder.Version"/>; every other claim gets a conflict.
    /// </summary>
    public async Task<DispatchCommandResult> ClaimAsync(string idOrNumber, PoolClaim request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var engineerId = errors.Text("engineerId", request.EngineerId, 64, required: true);
        if (!errors.IsEmpty)
        {
            return DispatchCommandResult.Invalid(errors.ToDictionary());
        }

        return await ChangeAsync(idOrNumber, engineerId!, engineerId!, "claimed", cancellationToken, async (db, order, engineer, now) =>
        {
            if (order.Status != WorkOrderStatus.New)
            {
                return $"{order.Number} was already claimed{(order.AssigneeId is null ? "" : $" by {order.AssigneeId}")}; it is {order.Status}.";
            }

            if (await EngineerAssignment.ModeAsync(db, order.Category, cancellationToken) != DispatchMode.OpenPool)
            {
                return $"{order.Number} is not in the open pool: its category {order.Category} is not dispatched by open pool.";
            }

            var input = await DispatchEngine.DescribeAsync(db, order, cancellationToken);
            if (DispatchScoring.WhyExcluded(input, engineer, now, engine.Options) is { } excluded)
            {
                return $"{engineer.Id} may not take {order.Number}: {excluded.Rule}, {excluded.Reason}.";
            }

            return new DispatchEventData(engineer.Id, false, "claimed", $"Claimed from the open pool by {engineer.Name} ({engineer.Id}).", [], []);
        });
    }

    /// <summary>The New open-pool orders <paramref name="engineerId"/> may claim now, oldest first; null for an unknown engineer.</summary>
    public async Task<IReadOnlyList<WorkOrderView>?> PoolAsync(string engineerId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var engineer = await LoadEngineerAsync(db, engineerId, cancellationToken);
        if (engineer is null)
        {
            return null;
        }

        var poolCategories = await db.CategoryDispatchSettings.AsNoTracking()
            .Where(c => c.Mode == DispatchMode.OpenPool).Select(c => c.Category).ToListAsync(cancellationToken);
        if (poolCategories.Count == 0)
        {
            return [];
        }

        var skills = engineer.Skills.ConvertAll(s => s.AssetType);
        var open = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Status == WorkOrderStatus.New && w.AssetType != null && skills.Contains(w.AssetType))
            .OrderBy(w => w.CreatedAt)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var visible = new List<WorkOrderView>();
        foreach (var order in open.Where(o => poolCategories.Contains(o.Category)))
        {
            var input = await DispatchEngine.DescribeAsync(db, order, cancellationToken);
            if (DispatchScoring.WhyExcluded(input, engineer, now, engine.Options) is null)
            {
                visible.Add(WorkOrderView.From(order));
            }
        }

        return visible;
    }

    private async Task<DispatchCommandResult> ChangeAsync(
        string idOrNumber, string engineerId, string actor, string how, CancellationToken cancellationToken,
        Func<MaintenanceDbContext, WorkOrder, Engineers.Engineer, DateTimeOffset, Task<object>> decide)
    {
        await using var db = contexts.CreateDbContext();
        var order = await FindAsync(db.WorkOrders, idOrNumber, cancellationToken);
        if (order is null)
        {
            return DispatchCommandResult.NotFound($"No work order has the id or number '{idOrNumber}'.");
        }

        var engineer = await LoadEngineerAsync(db, engineerId, cancellationToken);
        if (engineer is not { Active: true })
        {
            var errors = new ValidationErrors();
            errors.Add("engineerId", $"engineerId '{engineerId}' is not an active engineer.");
            return DispatchCommandResult.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var outcome = await decide(db, order, engineer, now);
        if (outcome is string conflict)
        {
            if (how == "claimed")
            {
                logger.ClaimLost(order.Number, engineerId, conflict);
            }

            return DispatchCommandResult.Conflict(conflict);
        }

        var data = (DispatchEventData)outcome;
        EngineerAssignment.Commit(db, order, engineer.Id, now);
        order.ScheduledStartAt = null;
        order.Version++;
        EngineerAssignment.AddEvent(db, order, now, WorkOrderEventTypes.Dispatched, actor, data.Reason, data);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = contexts.CreateDbContext();
            var winner = await fresh.WorkOrders.AsNoTracking().Where(w => w.Id == order.Id).Select(w => w.AssigneeId).FirstOrDefaultAsync(cancellationToken);
            var reason = how == "claimed"
                ? $"{order.Number} was claimed by {winner ?? "someone else"} first."
                : $"{order.Number} changed while dispatching it{(winner is null ? "" : $" (now with {winner})")}; reload it and try again.";
            logger.ClaimLost(order.Number, engineerId, reason);
            return DispatchCommandResult.Conflict(reason);
        }

        logger.DispatchedBy(order.Number, engineer.Id, how, actor);
        return DispatchCommandResult.Done(order);
    }

    private static Task<Engineers.Engineer?> LoadEngineerAsync(MaintenanceDbContext db, string engineerId, CancellationToken cancellationToken) =>
        db.Engineers.AsNoTracking().AsSplitQuery()
            .Include(e => e.Skills).Include(e => e.Certifications).Include(e => e.Shifts)
            .FirstOrDefaultAsync(e => e.Id == engineerId, cancellationToken);

    internal static Task<WorkOrder?> FindAsync(IQueryable<WorkOrder> orders, string idOrNumber, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return orders.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        }

        var number = idOrNumber.Trim().ToUpperInvariant();
        return orders.FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
    }
}
