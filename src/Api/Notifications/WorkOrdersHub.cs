using Microsoft.AspNetCore.SignalR;

namespace WorkOrders.Api.Notifications;

/// <summary>
/// Real-time work-order events at <c>/hubs/workorders</c>. A client joins the groups it wants (one order by id or
/// number, an engineer, a site, or all) and receives <c>workOrderEvent</c> with a <see cref="WorkOrderUpdate"/>.
/// </summary>
public sealed class WorkOrdersHub : Hub
{
    public const string Path = "/hubs/workorders";
    public const string EventMethod = "workOrderEvent";
    private const int MaxKeyLength = 64;

    public Task JoinAll() => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.All, Context.ConnectionAborted);

    /// <summary>One order, by its id or its number (<c>WO-26-00042</c>).</summary>
    public Task JoinOrder(string idOrNumber) => Join(HubGroups.Order(Checked(idOrNumber)));

    public Task JoinEngineer(string engineerId) => Join(HubGroups.Engineer(Checked(engineerId)));

    public Task JoinSite(string site) => Join(HubGroups.Site(Checked(site)));

    public Task LeaveOrder(string idOrNumber) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Order(Checked(idOrNumber)), Context.ConnectionAborted);

    private Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);

    private static string Checked(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength
            ? throw new HubException($"A group key must be 1 to {MaxKeyLength} characters.")
            : key.Trim();
}
