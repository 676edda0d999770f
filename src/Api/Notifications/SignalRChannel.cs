using Microsoft.AspNetCore.SignalR;
using WorkOrders.Maintenance.Notifications;

namespace WorkOrders.Api.Notifications;

/// <summary>
/// Pushes each event to the hub's groups: all, the order (by id and by number), its assignee and its site.
/// Connections live on one node, so the channel is per node: its cursor is named after the machine, and every API
/// node pushes every event to its own clients.
/// </summary>
public sealed class SignalRChannel(IHubContext<WorkOrdersHub> hub) : INotificationChannel
{
    public string Name { get; } = $"signalr:{Environment.MachineName}"[..Math.Min(64, 8 + Environment.MachineName.Length)];

    public async Task DeliverAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            List<string> groups = [HubGroups.All, HubGroups.Order(e.OrderId.ToString()), HubGroups.Order(e.Number)];
            if (e.AssigneeId is { } engineer)
            {
                groups.Add(HubGroups.Engineer(engineer));
            }

            if (e.Site is { } site)
            {
                groups.Add(HubGroups.Site(site));
            }

            await hub.Clients.Groups(groups).SendAsync(WorkOrdersHub.EventMethod, WorkOrderUpdate.From(e), cancellationToken);
        }
    }
}
