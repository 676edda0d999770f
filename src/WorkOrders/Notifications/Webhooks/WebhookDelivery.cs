namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>
/// One event to deliver to one subscription, with its persisted retry schedule. Unique per (subscription, event):
/// the event id is the delivery id the receiver sees, so a redelivered event never becomes a second delivery.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public long EventId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The exact JSON body every attempt POSTs.</summary>
    public required string PayloadJson { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (Pending), or null once delivered or dead.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Stored as its name.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Dead,
}
