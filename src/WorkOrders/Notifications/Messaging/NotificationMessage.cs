namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>
/// One e-mail or SMS. <see cref="MessageId"/> is stable per (event, recipient), so a message handed over twice can
/// be recognised (the file senders overwrite; SMTP sends it as the Message-ID).
/// </summary>
public sealed record NotificationMessage(string Medium, string MessageId, string To, string? ToName, string Subject, string Body);

/// <summary>The media a message can go by.</summary>
public static class NotificationMedia
{
    public const string Email = "email";
    public const string Sms = "sms";
}
