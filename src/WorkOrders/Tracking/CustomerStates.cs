using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Tracking;

/// <summary>The words a customer sees for each status, and whether an arrival time is still ahead.</summary>
public static class CustomerStates
{
    public static string Label(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.New or WorkOrderStatus.Rejected => "Received, finding an engineer",
        WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted => "Engineer assigned",
        WorkOrderStatus.EnRoute => "Engineer on the way",
        WorkOrderStatus.OnSite or WorkOrderStatus.InProgress => "Work in progress",
        WorkOrderStatus.WaitingForParts => "Waiting for parts",
        WorkOrderStatus.Completed or WorkOrderStatus.Verified => "Work completed",
        WorkOrderStatus.Closed => "Closed",
        WorkOrderStatus.Cancelled => "Cancelled",
        _ => "In progress",
    };

    /// <summary>Before the engineer is on site, the arrival (response) due time is the customer's ETA.</summary>
    public static bool AwaitsArrival(WorkOrderStatus status) => status is
        WorkOrderStatus.New or WorkOrderStatus.Rejected or WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted or WorkOrderStatus.EnRoute;
}
