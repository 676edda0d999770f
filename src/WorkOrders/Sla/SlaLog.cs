using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Timers;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Log messages of the SLA clocks, escalation and durable timers (ids 500–599).</summary>
internal static partial class SlaLog
{
    [LoggerMessage(501, LogLevel.Information, "Timer scheduler {NodeId} started, polling every {PollInterval}")]
    public static partial void SchedulerStarted(this ILogger logger, string nodeId, TimeSpan pollInterval);

    [LoggerMessage(502, LogLevel.Error, "A timer scheduler round failed; the next round retries")]
    public static partial void SchedulerRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(503, LogLevel.Debug, "Timer {Kind} of work order {WorkOrderId}: {Outcome} on {NodeId}")]
    public static partial void TimerDone(this ILogger logger, string kind, Guid workOrderId, TimerOutcomeKind outcome, string nodeId);

    [LoggerMessage(504, LogLevel.Information, "Timer {Kind} of work order {WorkOrderId} changed while firing; released for the next round")]
    public static partial void TimerConflict(this ILogger logger, Exception exception, string kind, Guid workOrderId);

    [LoggerMessage(505, LogLevel.Warning, "Work order {Number}: {Event} ({Target})")]
    public static partial void SlaEvent(this ILogger logger, string number, string @event, string? target);

    [LoggerMessage(506, LogLevel.Warning, "Work order {Number} escalated to level {Level} ({Role}): {Reason}")]
    public static partial void Escalated(this ILogger logger, string number, int level, string role, string reason);

    [LoggerMessage(507, LogLevel.Information, "SLA seed: added {Policies} policies, {Calendars} calendars and {Ladders} ladders")]
    public static partial void SlaSeeded(this ILogger logger, int policies, int calendars, int ladders);
}
