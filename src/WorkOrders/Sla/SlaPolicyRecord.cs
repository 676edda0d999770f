using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// One SLA policy row: the targets for a priority and customer tier, the calendar they run on (null = 24/7), the
/// statuses in which the clock pauses, when to warn, when an order counts as stalled, and the escalation ladder.
/// </summary>
public sealed class SlaPolicyRecord
{
    /// <summary>The tier of orders whose <see cref="WorkOrder.CustomerTier"/> is null.</summary>
    public const string StandardTier = "standard";

    public required string Id { get; set; }

    public WorkOrderPriority Priority { get; set; }

    public string CustomerTier { get; set; } = StandardTier;

    public TimeSpan Response { get; set; }

    public TimeSpan Arrival { get; set; }

    public TimeSpan Resolution { get; set; }

    /// <summary>A <see cref="SlaCalendar"/> id, or null for 24/7.</summary>
    public string? CalendarId { get; set; }

    /// <summary>Comma-separated <see cref="WorkOrderStatus"/> names in which the clocks stop.</summary>
    public string PauseStatuses { get; set; } = nameof(WorkOrderStatus.WaitingForParts);

    /// <summary>The fraction of each target at which an <c>sla-warning</c> is written (0.75 = at 75%).</summary>
    public double WarningFraction { get; set; } = 0.75;

    /// <summary>Business time without a status change after which the order is escalated; null = never.</summary>
    public TimeSpan? StallAfter { get; set; }

    /// <summary>An <see cref="Escalation.EscalationLadder"/> id, or null for the <c>default</c> ladder.</summary>
    public string? EscalationLadderId { get; set; }

    public IReadOnlyList<WorkOrderStatus> PausedIn => SlaJson.Statuses(PauseStatuses);

    public TimeSpan Target(SlaMilestone milestone) => milestone switch
    {
        SlaMilestone.Response => Response,
        SlaMilestone.Arrival => Arrival,
        _ => Resolution,
    };
}
