namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>The last number handed out in a year; bumped atomically by <see cref="WorkOrderNumbers"/>.</summary>
public sealed class WorkOrderNumberCounter
{
    public int Year { get; set; }

    public int LastValue { get; set; }
}
