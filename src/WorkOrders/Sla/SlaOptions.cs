using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Default targets per priority, bound from <c>Sla:{Priority}:Response|Arrival|Resolution|StallAfter</c>.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public SlaTarget Urgent { get; set; } = new()
    {
        Response = TimeSpan.FromHours(1), Arrival = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(8), StallAfter = TimeSpan.FromHours(4),
    };

    public SlaTarget High { get; set; } = new()
    {
        Response = TimeSpan.FromHours(4), Arrival = TimeSpan.FromHours(12), Resolution = TimeSpan.FromHours(24), StallAfter = TimeSpan.FromHours(12),
    };

    public SlaTarget Medium { get; set; } = new()
    {
        Response = TimeSpan.FromHours(24), Arrival = TimeSpan.FromHours(48), Resolution = TimeSpan.FromDays(3), StallAfter = TimeSpan.FromDays(2),
    };

    public SlaTarget Low { get; set; } = new()
    {
        Response = TimeSpan.FromDays(3), Arrival = TimeSpan.FromDays(7), Resolution = TimeSpan.FromDays(14), StallAfter = TimeSpan.FromDays(7),
    };

    public SlaTarget For(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Urgent => Urgent,
        WorkOrderPriority.High => High,
        WorkOrderPriority.Medium => Medium,
        WorkOrderPriority.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };
}

/// <summary>
/// How long until someone must respond, be on site, and have resolved the fault; and after how long without a
/// status change the order counts as stalled. These seed the default SLA policies (the <c>standard</c> tier, 24/7).
/// </summary>
public sealed class SlaTarget
{
    public TimeSpan Response { get; set; }

    public TimeSpan Arrival { get; set; }

    public TimeSpan Resolution { get; set; }

    public TimeSpan? StallAfter { get; set; }
}
