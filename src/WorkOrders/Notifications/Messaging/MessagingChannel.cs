using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>
/// E-mail and SMS: for each event, the <see cref="RecipientRules"/> pick who is told; each recipient gets one
/// message per medium they have an address for, through that medium's configured <see cref="INotificationSender"/>.
/// A failed send is logged and counted, not retried (webhooks are the channel with durable retries).
/// </summary>
public sealed partial class MessagingChannel(
    IDbContextFactory<MaintenanceDbContext> contexts,
    IEnumerable<INotificationSender> senders,
    IOptions<NotificationLinkOptions> links,
    NotificationMetrics metrics,
    ILogger<MessagingChannel> logger) : INotificationChannel
{
    public const string ChannelName = "messages";
    private readonly Dictionary<string, INotificationSender> byMedium = senders.ToDictionary(s => s.Medium, StringComparer.Ordinal);

    public string Name => ChannelName;

    public async Task DeliverAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = events.SelectMany(RecipientRules.EngineerIds).Distinct(StringComparer.Ordinal).ToList();
        Dictionary<string, EngineerContact> engineers = new(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            await using var db = contexts.CreateDbContext();
            engineers = await db.Engineers.AsNoTracking().Where(x => ids.Contains(x.Id))
                .Select(x => new EngineerContact(x.Id, x.Name, x.Email, x.Phone))
                .ToDictionaryAsync(x => x.Id, StringComparer.Ordinal, cancellationToken);
        }

        foreach (var e in events)
        {
            foreach (var recipient in RecipientRules.For(e, engineers))
            {
                var (subject, body) = MessageTexts.Compose(e, recipient, links.Value);
                var id = $"{e.EventId}-{recipient.Key}";
                await SendAsync(NotificationMedia.Email, recipient.Email, new(NotificationMedia.Email, id, recipient.Email ?? "", recipient.Name, subject, body), cancellationToken);
                await SendAsync(NotificationMedia.Sms, recipient.Phone, new(NotificationMedia.Sms, id, recipient.Phone ?? "", recipient.Name, subject, body), cancellationToken);
            }
        }
    }

    private async Task SendAsync(string medium, string? address, NotificationMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address) || !byMedium.TryGetValue(medium, out var sender) || sender is NullSender)
        {
            return;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
            metrics.Message(medium, "sent");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.Message(medium, "failed");
            LogSendFailed(logger, exception, medium, message.MessageId);
        }
    }

    [LoggerMessage(521, LogLevel.Warning, "Could not send the {Medium} notification {MessageId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string medium, string messageId);
}
