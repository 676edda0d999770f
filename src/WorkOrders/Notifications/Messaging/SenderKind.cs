namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>The values of <c>Notifications:Email:Sender</c> and <c>Notifications:Sms:Sender</c>.</summary>
public enum SenderKind
{
    None,
    File,
    Smtp,
}
