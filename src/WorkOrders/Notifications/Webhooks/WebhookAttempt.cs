namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>One POST of a <see cref="WebhookDelivery"/>: the delivery log row.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public long DeliveryId { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Attempt { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The receiver's HTTP status, or null when no response came (refused, timed out).</summary>
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public long DurationMs { get; set; }

    /// <summary>When the next attempt is scheduled, or null when this one succeeded or was the last.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}
