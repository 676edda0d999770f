namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>The <c>None</c> sender: drops the message (the medium is switched off).</summary>
public sealed class NullSender(string medium) : INotificationSender
{
    public string Medium { get; } = medium;

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
