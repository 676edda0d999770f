namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>The <see cref="WorkOrderEvent.Type"/> codes. Append new ones; never rename stored ones.</summary>
public static class WorkOrderEventTypes
{
    public const string Opened = "opened";
    public const string Dispatched = "dispatched";
    public const string NotDispatched = "not_dispatched";
    public const string ReturnedToQueue = "returned_to_queue";
    public const string Accepted = "accepted";
    public const string EnRoute = "en_route";
    public const string OnSite = "on_site";
    public const string InProgress = "in_progress";
    public const string WaitingForParts = "waiting_for_parts";
    public const string Completed = "completed";
    public const string Verified = "verified";
    public const string Closed = "closed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    /// <summary>A dispatched or accepted order moved to another engineer.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>A completed, verified or closed order taken up again (to InProgress or back to New).</summary>
    public const string Reopened = "reopened";

    /// <summary>The event recorded when an order enters <paramref name="status"/>.</summary>
    public static string ForStatus(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.New => ReturnedToQueue,
        WorkOrderStatus.Dispatched => Dispatched,
        WorkOrderStatus.Accepted => Accepted,
        WorkOrderStatus.EnRoute => EnRoute,
        WorkOrderStatus.OnSite => OnSite,
        WorkOrderStatus.InProgress => InProgress,
        WorkOrderStatus.WaitingForParts => WaitingForParts,
        WorkOrderStatus.Completed => Completed,
        WorkOrderStatus.Verified => Verified,
        WorkOrderStatus.Closed => Closed,
        WorkOrderStatus.Rejected => Rejected,
        WorkOrderStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown work-order status."),
    };
}
