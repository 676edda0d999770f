namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>A receiver of signed webhook deliveries, managed through <c>/api/webhooks</c>.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    /// <summary>The absolute http(s) URL each delivery is POSTed to.</summary>
    public required string Url { get; set; }

    /// <summary>The HMAC-SHA256 key of the signature header; never returned by the API.</summary>
    public required string Secret { get; set; }

    /// <summary>Event types to deliver, comma-separated; empty means every type.</summary>
    public string EventTypes { get; set; } = "";

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
