namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>A work order row. Change <see cref="Status"/> only through <see cref="WorkOrderStateMachine"/>.</summary>
public sealed class WorkOrder
{
    public Guid Id { get; set; }

    /// <summary>Readable aloud, unique: <c>WO-26-00042</c>.</summary>
    public required string Number { get; set; }

    public WorkOrderSource Source { get; set; }

    /// <summary>The code of a <see cref="Catalog.Category"/> (<c>repair</c>, <c>preventive-maintenance</c>, …).</summary>
    public string Category { get; set; } = Catalog.CategoryCodes.Repair;

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

    /// <summary>The customer's service tier code (<c>standard</c>, <c>gold</c>, …) when the order was opened; with the priority it picks the SLA policy; null means "standard".</summary>
    public string? CustomerTier { get; set; }

    /// <summary>The SLA policy the clocks run on; null when the order predates SLA policies.</summary>
    public string? SlaPolicyId { get; set; }

    /// <summary>When an engineer must be on site (the arrival target), moved out by paused time.</summary>
    public DateTimeOffset? ArrivalDueAt { get; set; }

    /// <summary>When the SLA clocks stopped because the order entered a pause status of its policy; null while running.</summary>
    public DateTimeOffset? SlaPausedSince { get; set; }

    /// <summary>Business time spent paused so far; every due time is moved out by it.</summary>
    public TimeSpan SlaPausedFor { get; set; }

    /// <summary>How far up the escalation ladder the order is: 0 none, 1 assignee, 2 team lead, 3 manager.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>The customer the work is for (a <see cref="Customers.Customer"/> id), given or looked up from the site.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Whom to call about the order; given, or looked up from the site, then the customer.</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's phone number.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The contact's e-mail address.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The category template's free values (text, number, date fields) as a JSON object, or null.</summary>
    public string? TemplateFieldsJson { get; set; }

    /// <summary>The open order of the same asset and category this one was linked to as a duplicate; it was not dispatched.</summary>
    public Guid? DuplicateOfId { get; set; }

    /// <summary>The model version that raised a predictive order (<c>pump-v3</c>); null for other orders or when no version was active.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>When the anomaly episode behind a predictive order was detected (the start of its window for outcome labels).</summary>
    public DateTimeOffset? DetectedAt { get; set; }

    /// <summary>
    /// A planned deadline that caps the SLA's resolution target: a preventive order planned from a forecast is due
    /// before the failure window (the band's lower edge minus a margin), not by the policy's clock alone.
    /// </summary>
    public DateTimeOffset? DueBy { get; set; }

    /// <summary>
    /// The unguessable, URL-safe token of the customer's progress link (<c>/track/{token}</c>): 256 random bits,
    /// unique, set when the order opens (<see cref="Tracking.TrackingTokens"/>); null for orders opened before it existed.
    /// </summary>
    public string? TrackingToken { get; set; }

    /// <summary>The job site's latitude (WGS 84), if known; dispatch measures travel to it.</summary>
    public double? Latitude { get; set; }

    /// <summary>The job site's longitude (WGS 84), if known.</summary>
    public double? Longitude { get; set; }

    /// <summary>The engineer the customer asked for, if any; dispatch scores them higher but does not bypass the rules.</summary>
    public string? PreferredEngineerId { get; set; }

    /// <summary>When the assigned engineer is planned to start the job (set by the batch planner), if scheduled.</summary>
    public DateTimeOffset? ScheduledStartAt { get; set; }
}
