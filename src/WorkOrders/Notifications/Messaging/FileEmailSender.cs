using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>
/// Development sender: writes each e-mail as <c>{MessageId}.eml</c> under <c>Notifications:Email:Directory</c>.
/// A message handed over again overwrites its file.
/// </summary>
public sealed class FileEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : INotificationSender
{
    public string Medium => NotificationMedia.Email;

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var directory = Directory.CreateDirectory(settings.Directory!).FullName;
        using var mime = MimeMessages.Create(message, settings, clock.GetUtcNow());
        var path = Path.Combine(directory, $"{message.MessageId}.eml");
        var temporary = path + ".tmp";
        await mime.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
