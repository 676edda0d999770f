using WorkOrders.Maintenance.Roles;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>
/// One row of <see cref="WorkOrderStateMachine"/>: a request to move to <see cref="To"/> from any of <see cref="From"/>
/// lands the order in <see cref="Lands"/> (the same status, except for a rejection or a reopening to New) and is
/// recorded as an event of <see cref="EventType"/>. Only <see cref="Roles"/> may make it; an
/// <see cref="ActorRole.Engineer"/> only on an order assigned to them.
/// </summary>
public sealed record WorkOrderTransition(
    string EventType,
    WorkOrderStatus To,
    IReadOnlyList<WorkOrderStatus> From,
    IReadOnlyList<ActorRole> Roles,
    WorkOrderStatus? LandsIn = null)
{
    /// <summary>The status the order has after the move.</summary>
    public WorkOrderStatus Lands => LandsIn ?? To;

    /// <summary>True when an engineer making this move must be the order's assignee.</summary>
    public bool AssigneeOnly => Roles.Contains(ActorRole.Engineer);

    public bool Allows(ActorRole role) => Roles.Contains(role);

    /// <summary>Null when <paramref name="actor"/> may make this move on an order assigned to <paramref name="assigneeId"/>.</summary>
    public string? WhyForbidden(Actor actor, string? assigneeId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var roles = string.Join(", ", Roles.Select(r => r == ActorRole.Engineer ? "Engineer (the assignee)" : r.ToString()));
        if (!Allows(actor.Role))
        {
            return $"Only {roles} may make the move to {To} ({EventType}); {actor.Role} may not.";
        }

        if (actor.Role == ActorRole.Engineer && !string.Equals(actor.Id, assigneeId, StringComparison.Ordinal))
        {
            return assigneeId is null
                ? $"Only the assigned engineer may make the move to {To}, and the order has no assignee; {actor.Id} may not."
                : $"Only the assigned engineer ({assigneeId}) may make the move to {To}; {actor.Id} is not the assignee.";
        }

        return null;
    }
}
