namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>A work order row. Change <see cref="Status"/> only through <see cref="WorkOrderStateMachine"/>.</summary>
public sealed class WorkOrder
{
    public Guid Id { get; set; }

    /// <summary>Readable aloud, unique: <c>WO-26-00042</c>.</summary>
    public required string Number { get; set; }

    public WorkOrderSource Source { get; set; }

    public WorkOrderCategory Category { get; set; }

    /// <summary>The device concerned, if any; not a foreign key (orders may name devices registered later).</summary>
    public string? DeviceId { get; set; }

    public string? AssetType { get; set; }

    public string? Site { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public WorkOrderPriority Priority { get; set; }

    public WorkOrderStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? AssigneeId { get; set; }

    public DateTimeOffset? ResponseDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>Unique when set: a retried or redelivered request finds the order it opened before.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>0..1 for predicted failures; null for orders people opened.</summary>
    public double? Severity { get; set; }

    public DateTimeOffset? PredictedFailureAt { get; set; }

    /// <summary>Optimistic concurrency token: every update increments it.</summary>
    public int Version { get; set; }

    /// <summary>The customer's contact e-mail address for notifications about this order, if known.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The customer's contact phone number (for SMS) for notifications about this order, if known.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>
    /// The unguessable, URL-safe token of the customer's progress link (<c>/track/{token}</c>): 256 random bits,
    /// unique, set when the order opens (<see cref="Tracking.TrackingTokens"/>); null for orders opened before it existed.
    /// </summary>
    public string? TrackingToken { get; set; }
}
