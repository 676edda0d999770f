using System.Collections.Frozen;
using WorkOrders.Maintenance.Roles;
using static WorkOrders.Maintenance.Roles.ActorRole;
using static WorkOrders.Maintenance.WorkOrders.WorkOrderStatus;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>
/// The only table of legal moves between <see cref="WorkOrderStatus"/> values, who may make each one, and why a
/// move is not legal. A request names the status it wants (<c>to</c>); <see cref="WorkOrderStatus.Rejected"/> is a
/// request only: a rejected order goes back to dispatch (New, assignee cleared).
/// </summary>
public static class WorkOrderStateMachine
{
    private static readonly ActorRole[] Dispatch = [Dispatcher, Planner, ActorRole.System, Admin];
    private static readonly ActorRole[] Field = [Engineer, Admin];
    private static readonly ActorRole[] Office = [Dispatcher, Planner, Admin];

    /// <summary>Every legal move. The order of rows is the order of <see cref="AllowedFrom"/>.</summary>
    public static IReadOnlyList<WorkOrderTransition> Transitions { get; } =
    [
        new(WorkOrderEventTypes.Dispatched, Dispatched, [New], Dispatch),
        new(WorkOrderEventTypes.Accepted, Accepted, [Dispatched], Field),
        new(WorkOrderEventTypes.Reassigned, Dispatched, [Dispatched, Accepted], Dispatch),
        new(WorkOrderEventTypes.Rejected, Rejected, [Dispatched, Accepted], Field, LandsIn: New),
        new(WorkOrderEventTypes.ReturnedToQueue, New, [Dispatched, Accepted], Dispatch),
        new(WorkOrderEventTypes.EnRoute, EnRoute, [Accepted], Field),
        new(WorkOrderEventTypes.OnSite, OnSite, [Accepted, EnRoute], Field),
        new(WorkOrderEventTypes.InProgress, InProgress, [OnSite, WaitingForParts], Field),
        new(WorkOrderEventTypes.WaitingForParts, WaitingForParts, [InProgress], Field),
        new(WorkOrderEventTypes.Completed, Completed, [InProgress], Field),
        new(WorkOrderEventTypes.Verified, Verified, [Completed], [Dispatcher, Planner, Agent, Customer, Admin]),
        new(WorkOrderEventTypes.Closed, Closed, [Verified], Dispatch),
        new(WorkOrderEventTypes.Reopened, InProgress, [Completed, Verified, Closed], Office),
        new(WorkOrderEventTypes.Reopened, New, [Completed, Verified, Closed], Office),
        new(WorkOrderEventTypes.Cancelled, Cancelled, [New, Dispatched, Accepted], [Dispatcher, Planner, Agent, Customer, ActorRole.System, Admin]),
        new(WorkOrderEventTypes.Cancelled, Cancelled, [EnRoute, OnSite, InProgress, WaitingForParts], Office),
    ];

    /// <summary>Statuses in which an engineer holds the order: they count towards that engineer's load.</summary>
    public static IReadOnlyList<WorkOrderStatus> AssignedStatuses { get; } =
        [Dispatched, Accepted, EnRoute, OnSite, InProgress, WaitingForParts];

    // One list per status, built once, so views of the same order compare equal.
    private static readonly FrozenDictionary<WorkOrderStatus, WorkOrderStatus[]> Targets = Enum.GetValues<WorkOrderStatus>()
        .ToFrozenDictionary(from => from, from => Transitions.Where(t => t.From.Contains(from)).Select(t => t.To).Distinct().ToArray());

    /// <summary>The statuses a request may name from <paramref name="from"/>.</summary>
    public static IReadOnlyList<WorkOrderStatus> AllowedFrom(WorkOrderStatus from) => Targets[from];

    public static bool CanMove(WorkOrderStatus from, WorkOrderStatus to) => Find(from, to) is not null;

    /// <summary>The move a request for <paramref name="to"/> makes from <paramref name="from"/>, or null when it is illegal.</summary>
    public static WorkOrderTransition? Find(WorkOrderStatus from, WorkOrderStatus to) =>
        Transitions.FirstOrDefault(t => t.To == to && t.From.Contains(from));

    /// <summary>True when no move leaves <paramref name="status"/>.</summary>
    public static bool IsFinal(WorkOrderStatus status) => !Transitions.Any(t => t.From.Contains(status));

    /// <summary>Null when the move is legal; otherwise a sentence a person can act on.</summary>
    public static string? WhyNot(WorkOrderStatus from, WorkOrderStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        if (from == to)
        {
            return $"The work order is already {from}.";
        }

        return IsFinal(from)
            ? $"The work order is {from}, which is final; it cannot move to {to}."
            : $"A work order cannot move from {from} to {to}; from {from} it can move to {string.Join(", ", AllowedFrom(from))}.";
    }
}
