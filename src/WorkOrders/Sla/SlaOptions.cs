using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Response and resolution targets per priority, bound from <c>Sla:{Priority}:Response|Resolution</c>.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public SlaTarget Urgent { get; set; } = new() { Response = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8) };

    public SlaTarget High { get; set; } = new() { Response = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(24) };

    public SlaTarget Medium { get; set; } = new() { Response = TimeSpan.FromHours(24), Resolution = TimeSpan.FromDays(3) };

    public SlaTarget Low { get; set; } = new() { Response = TimeSpan.FromDays(3), Resolution = TimeSpan.FromDays(14) };

    public SlaTarget For(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Urgent => Urgent,
        WorkOrderPriority.High => High,
        WorkOrderPriority.Medium => Medium,
        WorkOrderPriority.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };
}

/// <summary>How long until someone must respond, and until the fault must be resolved.</summary>
public sealed class SlaTarget
{
    public TimeSpan Response { get; set; }

    public TimeSpan Resolution { get; set; }
}
