using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Turns a prediction into a priority, and a priority into due times.</summary>
public sealed class SlaPolicy(IOptionsMonitor<SlaOptions> options)
{
    /// <summary>
    /// The higher of two readings: severity (≥ 0.9 Urgent, ≥ 0.75 High, ≥ 0.5 Medium, else Low) and time left
    /// until the predicted failure (≤ 24 h Urgent, ≤ 72 h High, ≤ 7 days Medium).
    /// </summary>
    public static WorkOrderPriority PriorityFor(double severity, DateTimeOffset? predictedFailureAt, DateTimeOffset now)
    {
        var bySeverity = severity switch
        {
            >= 0.9 => WorkOrderPriority.Urgent,
            >= 0.75 => WorkOrderPriority.High,
            >= 0.5 => WorkOrderPriority.Medium,
            _ => WorkOrderPriority.Low,
        };
        if (predictedFailureAt is not { } failureAt)
        {
            return bySeverity;
        }

        var left = failureAt - now;
        var byTime = left <= TimeSpan.FromHours(24) ? WorkOrderPriority.Urgent
            : left <= TimeSpan.FromHours(72) ? WorkOrderPriority.High
            : left <= TimeSpan.FromDays(7) ? WorkOrderPriority.Medium
            : WorkOrderPriority.Low;
        return byTime > bySeverity ? byTime : bySeverity;
    }

    /// <summary>
    /// Response and resolution due times from the priority's targets. A predicted failure sooner than the
    /// resolution target pulls resolution forward to it, never before the response due time.
    /// </summary>
    public (DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt) DueTimes(
        WorkOrderPriority priority, DateTimeOffset openedAt, DateTimeOffset? predictedFailureAt = null)
    {
        var target = options.CurrentValue.For(priority);
        var response = openedAt + target.Response;
        var resolution = openedAt + target.Resolution;
        if (predictedFailureAt is { } failureAt && failureAt < resolution)
        {
            resolution = failureAt > response ? failureAt : response;
        }

        return (response, resolution);
    }
}
