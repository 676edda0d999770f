using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>
/// Turns each event into one pending <see cref="WebhookDelivery"/> per active subscription whose filter matches;
/// the <see cref="WebhookDispatcher"/> POSTs them. A (subscription, event) pair that exists already is skipped.
/// </summary>
public sealed class WebhookChannel(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock) : INotificationChannel
{
    public const string ChannelName = "webhooks";

    public string Name => ChannelName;

    public async Task DeliverAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var db = contexts.CreateDbContext();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0 || events.Count == 0)
        {
            return;
        }

        var first = events[0].EventId;
        var last = events[^1].EventId;
        var existing = (await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.EventId >= first && d.EventId <= last)
                .Select(d => new { d.SubscriptionId, d.EventId })
                .ToListAsync(cancellationToken))
            .Select(d => (d.SubscriptionId, d.EventId))
            .ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            string? payload = null;
            foreach (var subscription in subscriptions)
            {
                if (!WebhookRules.Matches(subscription.EventTypes, e.Type) || existing.Contains((subscription.Id, e.EventId)))
                {
                    continue;
                }

                payload ??= WebhookPayload.Serialize(e);
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = subscription.Id, EventId = e.EventId, EventType = e.Type, PayloadJson = payload,
                    Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
