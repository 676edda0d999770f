namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Sends messages of one <see cref="Medium"/>; which implementation runs is configuration.</summary>
public interface INotificationSender
{
    /// <summary><see cref="NotificationMedia.Email"/> or <see cref="NotificationMedia.Sms"/>.</summary>
    string Medium { get; }

    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
