namespace WorkOrders.Maintenance.Notifications;

/// <summary>
/// A destination the <see cref="OutboxRelay"/> hands events to, in id order, at least once. A channel is idempotent
/// by <see cref="NotificationEvent.EventId"/>; throwing leaves the batch to be handed over again.
/// </summary>
public interface INotificationChannel
{
    /// <summary>Stable name: the key of the channel's cursor row.</summary>
    string Name { get; }

    Task DeliverAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken);
}
