namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>The limits and the event-type filter of webhook subscriptions.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;
    public const int MaxEventTypes = 50;

    /// <summary>Whether a subscription whose filter is <paramref name="eventTypes"/> (comma-separated; empty = all) takes <paramref name="type"/>.</summary>
    public static bool Matches(string eventTypes, string type)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        return eventTypes.Length == 0 || Split(eventTypes).Contains(type, StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> Split(string eventTypes) =>
        eventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
