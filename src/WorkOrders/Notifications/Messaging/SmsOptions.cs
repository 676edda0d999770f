namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>SMS notifications, bound from <c>Notifications:Sms</c>.</summary>
public sealed class SmsOptions
{
    public const string Section = "Notifications:Sms";

    /// <summary><c>File</c> (JSON lines, for development) or <c>None</c> (the default). A gateway sender plugs in as another <see cref="INotificationSender"/>.</summary>
    public string Sender { get; set; } = "None";

    /// <summary>Where the File sender appends <c>sms.jsonl</c>; required for it.</summary>
    public string? Directory { get; set; }
}
