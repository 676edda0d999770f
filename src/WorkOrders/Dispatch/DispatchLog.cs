using Microsoft.Extensions.Logging;

namespace WorkOrders.Maintenance.Dispatch;

internal static partial class DispatchLog
{
    [LoggerMessage(501, LogLevel.Warning, "No engineer is eligible for asset type {AssetType}; work order {Number} stays New")]
    public static partial void NoEligibleEngineer(this ILogger logger, string? assetType, string number);

    [LoggerMessage(502, LogLevel.Information, "Work order {Number} dispatched to {EngineerId} ({How}) by {Actor}")]
    public static partial void DispatchedBy(this ILogger logger, string number, string engineerId, string how, string actor);

    [LoggerMessage(503, LogLevel.Information, "Claim of {Number} by {EngineerId} lost: {Reason}")]
    public static partial void ClaimLost(this ILogger logger, string number, string engineerId, string reason);

    [LoggerMessage(504, LogLevel.Information, "Plan applied: {Count} order(s) scheduled by the {Planner} planner")]
    public static partial void PlanApplied(this ILogger logger, int count, string planner);
}
