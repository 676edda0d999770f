using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>The outbox relay, bound from <c>Notifications:Relay</c>.</summary>
public sealed class NotificationRelayOptions
{
    public const string Section = "Notifications:Relay";

    /// <summary>Whether this process runs the relay loop (every node may; one at a time holds each channel).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long to wait when there was nothing to deliver.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed channel stays with this node without renewal; another node takes over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a missing event id (a transaction not yet committed, or rolled back) holds the cursor back before
    /// the relay skips past it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
