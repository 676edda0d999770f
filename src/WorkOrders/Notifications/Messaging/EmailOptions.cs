namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>E-mail notifications, bound from <c>Notifications:Email</c>; <see cref="MessagingOptionsValidator"/> checks them.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    /// <summary><c>Smtp</c>, <c>File</c> (writes .eml files for development) or <c>None</c> (the default).</summary>
    public string Sender { get; set; } = "None";

    /// <summary>The From address.</summary>
    public string From { get; set; } = "workorders@localhost";

    public string FromName { get; set; } = "Work orders";

    /// <summary>Where the File sender writes; required for it.</summary>
    public string? Directory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();
}

/// <summary><c>Notifications:Email:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>Auto</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
