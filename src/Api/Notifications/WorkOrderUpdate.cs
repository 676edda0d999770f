using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Api.Notifications;

/// <summary>What the hub pushes for every event (method <c>workOrderEvent</c>); clients drop repeats by <see cref="EventId"/>.</summary>
public sealed record WorkOrderUpdate(long EventId, Guid OrderId, string Number, string Type, WorkOrderStatus Status, DateTimeOffset At, string? Note)
{
    public static WorkOrderUpdate From(NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.EventId, e.OrderId, e.Number, e.Type, e.Status, e.At, e.Note);
    }
}
