using System.Diagnostics.Metrics;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Counters of the meter <c>WorkOrders.Sla</c>, tagged with the SLA target (or the escalation reason).</summary>
public sealed class SlaMetrics
{
    public const string MeterName = "WorkOrders.Sla";

    private readonly Counter<long> warnings;
    private readonly Counter<long> breaches;
    private readonly Counter<long> escalations;

    public SlaMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        warnings = meter.CreateCounter<long>("workorders.sla.warnings", description: "SLA warnings written before a target is breached.");
        breaches = meter.CreateCounter<long>("workorders.sla.breaches", description: "SLA targets breached.");
        escalations = meter.CreateCounter<long>("workorders.sla.escalations", description: "Escalation steps taken.");
    }

    public void Warned(string target) => warnings.Add(1, new KeyValuePair<string, object?>("target", target));

    public void Breached(string target) => breaches.Add(1, new KeyValuePair<string, object?>("target", target));

    public void Escalated(int level) => escalations.Add(1, new KeyValuePair<string, object?>("level", level));
}
