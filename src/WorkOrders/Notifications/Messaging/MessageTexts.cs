using System.Globalization;
using WorkOrders.Maintenance.Tracking;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>The words of each message: short for SMS, a few lines for e-mail; the customer's carry the progress link.</summary>
public static class MessageTexts
{
    public static (string Subject, string Body) Compose(NotificationEvent e, Recipient recipient, NotificationLinkOptions links)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(links);
        if (recipient.Reason == "customer")
        {
            var state = CustomerStates.Label(e.Status);
            var link = e.TrackingToken is { } token ? $" Follow it at {links.TrackingLink(token)}" : "";
            return ($"Your order {e.Number}: {state}", $"Your order {e.Number}: {state}.{link}");
        }

        var what = recipient.Reason == "escalation" ? $"Escalation on {e.Number}" : $"{e.Number} is assigned to you";
        var note = string.IsNullOrWhiteSpace(e.Note) ? "" : $" {e.Note}";
        var at = e.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return ($"{what} ({e.Type})", $"{what}: {e.Type} at {at}, status {e.Status}, site {e.Site ?? "-"}.{note}");
    }
}
