using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>Log messages of the lifecycle and audit trail (ids 501–520).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(501, LogLevel.Information, "Another event was appended to the same work order concurrently; sealing again (attempt {Attempt})")]
    public static partial void ChainRaceLost(this ILogger logger, int attempt);

    [LoggerMessage(502, LogLevel.Warning, "{Actor} ({Role}) may not move work order {Number} from {From} to {To}")]
    public static partial void MoveForbidden(this ILogger logger, string actor, ActorRole role, string number, WorkOrderStatus from, WorkOrderStatus to);

    [LoggerMessage(503, LogLevel.Warning, "The audit chain of work order {Number} is broken at event {Sequence}: {Reason}")]
    public static partial void ChainBroken(this ILogger logger, string number, int? sequence, string? reason);
}
