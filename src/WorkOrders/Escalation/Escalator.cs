using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Escalation;

/// <summary>
/// Moves an order up its <see cref="EscalationLadder"/>: sets <see cref="WorkOrder.EscalationLevel"/>, writes an
/// <c>escalated</c> event naming whom to notify, and schedules the next step. Changes go into the caller's context.
/// </summary>
public sealed class Escalator(SlaMetrics metrics, ILogger<Escalator> logger)
{
    public const int MaxLevel = 3;

    public static string RoleOf(int level) => level switch
    {
        1 => "assignee",
        2 => "team-lead",
        _ => "manager",
    };

    /// <summary>Whom a level tells: the assignee (the team lead while nobody is assigned), the team lead, the manager.</summary>
    public static IReadOnlyList<NotifyRecipient> Recipients(WorkOrder order, EscalationLadder ladder, int level)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(ladder);
        return level switch
        {
            <= 1 when order.AssigneeId is not null => [new NotifyRecipient(RoleOf(1), order.AssigneeId)],
            <= 2 => [new NotifyRecipient(RoleOf(2), ladder.TeamLeadId)],
            _ => [new NotifyRecipient(RoleOf(3), ladder.ManagerId)],
        };
    }

    /// <summary>The delay before <paramref name="level"/> after the level below it (business time).</summary>
    public static TimeSpan DelayBefore(EscalationLadder ladder, int level)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return level <= 2 ? ladder.TeamLeadAfter : ladder.ManagerAfter;
    }

    /// <summary>
    /// Escalates to <paramref name="level"/> and schedules the next level <see cref="DelayBefore"/> after
    /// <paramref name="stepFrom"/> (the instant this step was due), unless the order already had that step.
    /// </summary>
    public void Escalate(
        MaintenanceDbContext db, TimerRows timers, WorkOrder order, SlaTerms terms, int level, string reason,
        string actor, DateTimeOffset now, DateTimeOffset stepFrom, string? target = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(terms);
        level = Math.Clamp(level, 1, MaxLevel);
        order.EscalationLevel = level;
        order.Version++;
        var role = RoleOf(level);
        db.WorkOrderEvents.Add(new()
        {
            WorkOrderId = order.Id, At = now, Type = SlaEventTypes.Escalated, Actor = actor,
            Note = note ?? $"Escalated to level {level} ({role}): {reason}.",
            DataJson = SlaJson.Event(new SlaEventData(target, null, level, reason, Recipients(order, terms.Ladder, level))),
        });
        if (level < MaxLevel)
        {
            timers.ScheduleOnce(SlaTimerKinds.Escalate(level + 1), terms.Calendar.Add(stepFrom, DelayBefore(terms.Ladder, level + 1)));
        }

        metrics.Escalated(level);
        logger.Escalated(order.Number, level, role, reason);
    }
}
