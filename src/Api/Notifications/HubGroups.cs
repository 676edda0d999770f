namespace WorkOrders.Api.Notifications;

/// <summary>The SignalR group names of <see cref="WorkOrdersHub"/>; order numbers and sites compare case-insensitively.</summary>
public static class HubGroups
{
    public const string All = "all";

    public static string Order(string idOrNumber) => $"order:{idOrNumber.ToUpperInvariant()}";

    public static string Engineer(string engineerId) => $"engineer:{engineerId}";

    public static string Site(string site) => $"site:{site.ToUpperInvariant()}";
}
