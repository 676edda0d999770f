using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Timers;

/// <summary>The durable-timer scheduler, bound from <c>Timers</c>.</summary>
public sealed class DurableTimerOptions
{
    public const string Section = "Timers";

    /// <summary>How often each node looks for due timers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between 00:00:01 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed timer belongs to its node; after that another node may retry it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "must be between 00:00:05 and 01:00:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many timers per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>This node's name in <see cref="DurableTimer.LeaseOwner"/>; a unique one per process when empty.</summary>
    [StringLength(100)]
    public string? NodeId { get; set; }

    /// <summary>Whether this process runs the scheduler loop at all.</summary>
    public bool Enabled { get; set; } = true;
}
