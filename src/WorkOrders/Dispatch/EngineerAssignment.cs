using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// Runs dispatch for an order being opened or sent to Dispatched. On opening, the category's
/// <see cref="DispatchMode"/> applies (predictive orders are always automatic); a person asking for Dispatched
/// always gets the automatic choice. The decision, with its reasons, is stored as an event.
/// </summary>
public sealed class EngineerAssignment(DispatchEngine engine, ILogger<EngineerAssignment> logger)
{
    private const int Suggestions = 3;

    /// <summary>
    /// Dispatches a <see cref="WorkOrderStatus.New"/> order tracked by <paramref name="db"/> (unsaved): sets the assignee
    /// and Dispatched with a "dispatched" event, or stores suggestions, or opens it to the pool, or adds "not_dispatched".
    /// </summary>
    public async Task<AssignmentDecision> AssignAsync(
        MaintenanceDbContext db, WorkOrder order, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var opening = db.Entry(order).State == EntityState.Added;
        var mode = opening && order.Source != WorkOrderSource.Prediction
            ? await ModeAsync(db, order.Category, cancellationToken)
            : DispatchMode.Automatic;
        var decision = await engine.DecideAsync(db, order, now, cancellationToken);
        if (decision.Chosen is not { } chosen)
        {
            logger.NoEligibleEngineer(order.AssetType, order.Number);
            AddEvent(db, order, now, WorkOrderEventTypes.NotDispatched, actor, decision.Reason,
                DispatchEventData.From(decision, null, automatic: true, "automatic", decision.Reason));
            return new(null, decision.Reason, mode, decision);
        }

        switch (mode)
        {
            case DispatchMode.Suggested:
            {
                var top = decision.Candidates.Take(Suggestions).ToList();
                var note = $"Suggested for a dispatcher to confirm: {string.Join(", ", top.Select(c => $"{c.Name} ({c.EngineerId}, {c.Score:0.0})"))}. {decision.Reason}";
                AddEvent(db, order, now, DispatchEventTypes.Suggested, actor, note,
                    DispatchEventData.From(decision, null, automatic: true, "suggested", decision.Reason) with { Suggestions = top.ConvertAll(c => c.EngineerId) });
                return new(null, note, mode, decision);
            }

            case DispatchMode.OpenPool:
            {
                var note = $"Open for claiming by {decision.Candidates.Count} eligible engineer(s): {string.Join(", ", decision.Candidates.Select(c => c.EngineerId))}.";
                AddEvent(db, order, now, DispatchEventTypes.PoolOpened, actor, note,
                    DispatchEventData.From(decision, null, automatic: true, "pool", note));
                return new(null, note, mode, decision);
            }

            default:
                Commit(db, order, chosen.EngineerId, now);
                AddEvent(db, order, now, WorkOrderEventTypes.Dispatched, actor, decision.Reason,
                    DispatchEventData.From(decision, chosen.EngineerId, automatic: true, "automatic", decision.Reason));
                return new(chosen, decision.Reason, mode, decision);
        }
    }

    /// <summary>The category's mode; Automatic when none is stored.</summary>
    public static async Task<DispatchMode> ModeAsync(MaintenanceDbContext db, string category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var setting = await db.CategoryDispatchSettings.AsNoTracking().FirstOrDefaultAsync(c => c.Category == category, cancellationToken);
        return setting?.Mode ?? DispatchMode.Automatic;
    }

    /// <summary>Makes <paramref name="engineerId"/> the assignee of the tracked order and moves it to Dispatched.</summary>
    internal static void Commit(MaintenanceDbContext db, WorkOrder order, string engineerId, DateTimeOffset now)
    {
        order.AssigneeId = engineerId;
        order.Status = WorkOrderStatus.Dispatched;
        order.UpdatedAt = now;
    }

    internal static void AddEvent(
        MaintenanceDbContext db, WorkOrder order, DateTimeOffset now, string type, string actor, string note, DispatchEventData data) =>
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = type, Actor = actor,
            Note = note.Length <= 4000 ? note : note[..3997] + "...",
            DataJson = data.ToJson(),
        });
}
