using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Models;

/// <summary>
/// Turns a remaining-useful-life forecast into the kind of order: imminent (the failure window opens within the
/// horizon, or the failure probability within it reaches the threshold) → urgent; otherwise a preventive order of
/// medium (window within two horizons) or low priority, due <see cref="PredictivePlanningOptions.DueMargin"/> before
/// the window opens.
/// </summary>
public sealed class PredictivePlanner(IOptionsMonitor<PredictivePlanningOptions> options)
{
    /// <summary>Null when the request carries no RUL forecast (no band, no probability): severity and a bare predicted failure time decide, as before.</summary>
    public PredictivePlan? Plan(PredictiveWorkOrderRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FailureWindowStart is null && request.FailureProbability is null)
        {
            return null; // a bare predicted failure time keeps the SLA policy's reading of it
        }

        var windowStart = request.FailureWindowStart ?? request.PredictedFailureAt;

        var settings = options.CurrentValue;
        var likely = request.FailureProbability >= settings.UrgentProbability;
        if (windowStart is not { } opensAt)
        {
            return likely ? new PredictivePlan(WorkOrderPriority.Urgent, null, Imminent: true) : null;
        }

        if (likely || opensAt - now <= settings.Horizon)
        {
            return new PredictivePlan(WorkOrderPriority.Urgent, null, Imminent: true);
        }

        var priority = opensAt - now <= 2 * settings.Horizon ? WorkOrderPriority.Medium : WorkOrderPriority.Low;
        return new PredictivePlan(priority, opensAt - settings.DueMargin, Imminent: false);
    }
}
