namespace WorkOrders.Maintenance.Sla;

/// <summary>The work-order event types the SLA clocks write; the notification outbox delivers them like any event.</summary>
public static class SlaEventTypes
{
    public const string Warning = "sla-warning";
    public const string Breached = "sla-breached";
    public const string Escalated = "escalated";
}
