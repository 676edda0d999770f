namespace WorkOrders.Maintenance.Timers;

/// <summary>
/// A timer that survives restarts: one row per order and <see cref="Kind"/>. A node fires it only after its
/// conditional UPDATE took the lease (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>); firing sets
/// <see cref="FiredAt"/> in the same transaction as the timer's effects, so it fires once across a cluster.
/// </summary>
public sealed class DurableTimer
{
    public long Id { get; set; }

    public Guid WorkOrderId { get; set; }

    /// <summary>What firing does, e.g. <c>response-warning</c>, <c>resolution-breach</c>, <c>escalate-2</c>, <c>stall</c>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>How many times a node has claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>Bumped by every writer (claim, reschedule, fire); the concurrency token that makes firing exactly-once.</summary>
    public int Revision { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
