using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Sends e-mail through the SMTP server in <c>Notifications:Email:Smtp</c> (MailKit); one connection per message.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : INotificationSender
{
    public string Medium => NotificationMedia.Email;

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var mime = MimeMessages.Create(message, settings, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
