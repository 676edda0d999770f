namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>A create or replace request; <see cref="EventTypes"/> empty or null means every event type.</summary>
public sealed record WebhookSubscriptionRequest(string? Url, string? Secret, IReadOnlyList<string>? EventTypes = null, bool? Active = null);

/// <summary>A subscription as the API shows it: never with its secret.</summary>
public sealed record WebhookSubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookSubscriptionView From(WebhookSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url, WebhookRules.Split(s.EventTypes), s.Active, s.CreatedAt, s.UpdatedAt);
    }
}

/// <summary>One row of the delivery log: one attempt of one delivery (newest first).</summary>
public sealed record WebhookAttemptView(
    long DeliveryId, long EventId, string EventType, WebhookDeliveryStatus DeliveryStatus, int Attempt, DateTimeOffset At,
    int? StatusCode, string? Error, long DurationMs, DateTimeOffset? NextAttemptAt);

/// <summary>The outcome of a create or update: the view, or errors per field.</summary>
public sealed record WebhookSaveResult(WebhookSubscriptionView? Subscription, IDictionary<string, string[]> Errors);
