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
}
