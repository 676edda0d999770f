using System.Collections.Frozen;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>The legal moves between <see cref="WorkOrderStatus"/> values, and why a move is not legal.</summary>
public static class WorkOrderStateMachine
{
    private static readonly FrozenDictionary<WorkOrderStatus, WorkOrderStatus[]> Moves =
        new Dictionary<WorkOrderStatus, WorkOrderStatus[]>
        {
            [WorkOrderStatus.New] = [WorkOrderStatus.Dispatched, WorkOrderStatus.Rejected, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.Dispatched] = [WorkOrderStatus.Accepted, WorkOrderStatus.New, WorkOrderStatus.Rejected, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.Accepted] = [WorkOrderStatus.EnRoute, WorkOrderStatus.OnSite, WorkOrderStatus.New, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.EnRoute] = [WorkOrderStatus.OnSite, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.OnSite] = [WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.InProgress] = [WorkOrderStatus.WaitingForParts, WorkOrderStatus.Completed, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.WaitingForParts] = [WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.Completed] = [WorkOrderStatus.Verified, WorkOrderStatus.InProgress],
            [WorkOrderStatus.Verified] = [WorkOrderStatus.Closed],
            [WorkOrderStatus.Closed] = [],
            [WorkOrderStatus.Rejected] = [],
            [WorkOrderStatus.Cancelled] = [],
        }.ToFrozenDictionary();

    /// <summary>Statuses in which an engineer holds the order: they count towards that engineer's load.</summary>
    public static IReadOnlyList<WorkOrderStatus> AssignedStatuses { get; } =
    [
        WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.EnRoute,
        WorkOrderStatus.OnSite, WorkOrderStatus.InProgress, WorkOrderStatus.WaitingForParts,
    ];

    public static IReadOnlyList<WorkOrderStatus> AllowedFrom(WorkOrderStatus from) => Moves[from];

    public static bool CanMove(WorkOrderStatus from, WorkOrderStatus to) => Moves[from].Contains(to);

    public static bool IsFinal(WorkOrderStatus status) => Moves[status].Length == 0;

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
            : $"A work order cannot move from {from} to {to}; from {from} it can move to {string.Join(", ", Moves[from])}.";
    }
}
