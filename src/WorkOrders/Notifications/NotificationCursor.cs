namespace WorkOrders.Maintenance.Notifications;

/// <summary>
/// How far one notification channel has read the work-order events, and which relay holds it. A relay claims the
/// row with a conditional update (free, its own, or its lease expired), so one node at a time delivers a channel.
/// </summary>
public sealed class NotificationCursor
{
    /// <summary>The channel's name, e.g. <c>webhooks</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The id of the last event handed to the channel.</summary>
    public long LastEventId { get; set; }

    /// <summary>The relay instance that holds the lease, or null.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses unless renewed.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
