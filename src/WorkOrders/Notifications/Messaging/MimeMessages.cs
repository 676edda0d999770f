using MimeKit;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Builds the MIME message both e-mail senders use, so the .eml file is what SMTP would have sent.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(NotificationMessage message, EmailOptions options, DateTimeOffset date)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = $"{message.MessageId}@workorders",
            Body = new TextPart("plain") { Text = message.Body },
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        return mime;
    }
}
