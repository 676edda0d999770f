using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>Webhook delivery, bound from <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhooks";
    public const string HttpClientName = "webhooks";

    /// <summary>Whether this process runs the delivery loop.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Attempts per delivery before it is marked dead.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Each wait is stretched by a random fraction up to this (0.2 = up to 20% longer), so receivers are not hit in step.</summary>
    [Range(0.0, 1.0)]
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>How long one POST may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
