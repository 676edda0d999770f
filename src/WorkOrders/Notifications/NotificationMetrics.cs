using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>The meter <c>WorkOrders.Notifications</c>: outbox depth and lag, deliveries by channel and outcome.</summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "WorkOrders.Notifications";

    private readonly ConcurrentDictionary<string, long> depths = new(StringComparer.Ordinal);
    private readonly Counter<long> deliveries;
    private readonly Histogram<double> lag;
    private readonly Counter<long> webhookAttempts;
    private readonly Counter<long> messages;

    public NotificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        deliveries = meter.CreateCounter<long>("workorders.notifications.deliveries", "{event}",
            "Events handed to a channel, by channel and outcome (delivered, failed).");
        lag = meter.CreateHistogram<double>("workorders.notifications.lag", "s",
            "Time from an event being recorded to its hand-over to a channel.");
        webhookAttempts = meter.CreateCounter<long>("workorders.notifications.webhook.attempts", "{attempt}",
            "Webhook POSTs by outcome (succeeded, failed, dead).");
        messages = meter.CreateCounter<long>("workorders.notifications.messages", "{message}",
            "E-mail and SMS messages by medium and outcome (sent, failed).");
        meter.CreateObservableGauge("workorders.notifications.outbox.depth",
            () => depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("channel", d.Key))),
            "{event}", "Events recorded but not yet handed to the channel, as of the relay's last pass.");
    }

    public void Delivered(string channel, int count, string outcome) =>
        deliveries.Add(count, new("channel", channel), new("outcome", outcome));

    public void Lag(string channel, TimeSpan behind) => lag.Record(behind.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));

    public void Depth(string channel, long depth) => depths[channel] = depth;

    /// <summary>The depth of <paramref name="channel"/> as of the relay's last pass (tests and the health view read it).</summary>
    public long? DepthOf(string channel) => depths.TryGetValue(channel, out var depth) ? depth : null;

    public void WebhookAttempt(string outcome) => webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Message(string medium, string outcome) => messages.Add(1, new("medium", medium), new("outcome", outcome));
}
