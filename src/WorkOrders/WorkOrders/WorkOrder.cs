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

    /// <summary>The job site's latitude (WGS 84), if known; dispatch measures travel to it.</summary>
    public double? Latitude { get; set; }

    /// <summary>The job site's longitude (WGS 84), if known.</summary>
    public double? Longitude { get; set; }

    /// <summary>The engineer the customer asked for, if any; dispatch scores them higher but does not bypass the rules.</summary>
    public string? PreferredEngineerId { get; set; }

    /// <summary>When the assigned engineer is planned to start the job (set by the batch planner), if scheduled.</summary>
    public DateTimeOffset? ScheduledStartAt { get; set; }
}
