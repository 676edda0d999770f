namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>One append-only history row of a work order; never updated or deleted.</summary>
public sealed class WorkOrderEvent
{
    public long Id { get; set; }

    public Guid WorkOrderId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="WorkOrderEventTypes"/>.</summary>
    public required string Type { get; set; }

    public string? Actor { get; set; }

    public string? Note { get; set; }

    /// <summary>Structured detail as a JSON object, or null.</summary>
    public string? DataJson { get; set; }

    /// <summary>The <see cref="Roles.ActorRole"/> name the actor acted in, or null when the platform did not record one.</summary>
    public string? ActorRole { get; set; }

    /// <summary>Where the actor was (WGS 84 degrees), when they sent it.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The radius of the position's uncertainty in metres.</summary>
    public double? AccuracyMeters { get; set; }

    /// <summary>1, 2, 3… per order; set on save by <see cref="Audit.AuditChain"/>, unique per order.</summary>
    public int Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the order's previous event; null for its first. Set on save.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (lower-case hex) over this event's fields and <see cref="PreviousHash"/>. Set on save.</summary>
    public string Hash { get; set; } = "";
}
