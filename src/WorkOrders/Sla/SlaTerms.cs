using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>An order's policy with its calendar and escalation ladder resolved: everything the clocks compute with.</summary>
public sealed record SlaTerms(SlaPolicyRecord Policy, BusinessCalendar Calendar, EscalationLadder Ladder)
{
    private static readonly WorkOrderStatus[] Stopped =
        [WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled, WorkOrderStatus.Rejected];

    private static readonly WorkOrderStatus[] Responded =
    [
        WorkOrderStatus.Accepted, WorkOrderStatus.EnRoute, WorkOrderStatus.OnSite, WorkOrderStatus.InProgress,
        WorkOrderStatus.WaitingForParts, WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed,
    ];

    private static readonly WorkOrderStatus[] Arrived =
    [
        WorkOrderStatus.OnSite, WorkOrderStatus.InProgress, WorkOrderStatus.WaitingForParts,
        WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed,
    ];

    /// <summary>No clock runs: the order is resolved (Completed and later), cancelled or rejected.</summary>
    public static bool IsStopped(WorkOrderStatus status) => Stopped.Contains(status);

    /// <summary>Response is met from Accepted on, arrival from OnSite on, resolution from Completed on.</summary>
    public static bool IsMet(SlaMilestone milestone, WorkOrderStatus status) => milestone switch
    {
        SlaMilestone.Response => Responded.Contains(status),
        SlaMilestone.Arrival => Arrived.Contains(status),
        _ => status is WorkOrderStatus.Completed or WorkOrderStatus.Verified or WorkOrderStatus.Closed,
    };

    public bool PausesIn(WorkOrderStatus status) => Policy.PausedIn.Contains(status);

    /// <summary>
    /// The business time allowed for <paramref name="milestone"/>. A predicted failure sooner than the resolution
    /// target pulls resolution (and arrival) forward to it, never below the response target.
    /// </summary>
    public TimeSpan TargetFor(WorkOrder order, SlaMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(order);
        var resolution = Policy.Resolution;
        if (order.DueBy is { } dueBy)
        {
            // A preventive order planned from a forecast is due by its plan, earlier or later than the policy says.
            var untilDue = Calendar.Between(order.CreatedAt, dueBy);
            resolution = untilDue > Policy.Response ? untilDue : Policy.Response;
        }

        if (EarliestDeadline(order) is { } failureAt)
        {
            var untilFailure = Calendar.Between(order.CreatedAt, failureAt);
            resolution = untilFailure < resolution ? (untilFailure > Policy.Response ? untilFailure : Policy.Response) : resolution;
        }

        return milestone switch
        {
            SlaMilestone.Response => Policy.Response,
            SlaMilestone.Arrival => Policy.Arrival < resolution ? Policy.Arrival : resolution,
            _ => resolution,
        };
    }

    /// <summary>The earlier of the predicted failure and the planned <see cref="WorkOrder.DueBy"/>, if any.</summary>
    private static DateTimeOffset? EarliestDeadline(WorkOrder order) => (order.PredictedFailureAt, order.DueBy) switch
    {
        ({ } failure, { } dueBy) => failure < dueBy ? failure : dueBy,
        ({ } failure, null) => failure,
        (null, var dueBy) => dueBy,
    };

    /// <summary>When <paramref name="fraction"/> of the milestone's target has passed, net of the time paused so far.</summary>
    public DateTimeOffset DueAt(WorkOrder order, SlaMilestone milestone, double fraction = 1)
    {
        ArgumentNullException.ThrowIfNull(order);
        var target = TargetFor(order, milestone);
        var part = fraction >= 1 ? target : TimeSpan.FromTicks((long)(target.Ticks * fraction));
        return Calendar.Add(order.CreatedAt, part + order.SlaPausedFor);
    }
}
