using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Maintenance store on {Provider}: applied {Count} pending migration(s)")]
    public static partial void Migrated(this ILogger logger, DatabaseProvider provider, int count);

    [LoggerMessage(2, LogLevel.Information, "Migrations not applied at start-up ({Key} is false)")]
    public static partial void MigrationsSkipped(this ILogger logger, string key);

    [LoggerMessage(3, LogLevel.Information, "Opened work order {Number} ({Source}) for device {DeviceId}, status {Status}, assignee {AssigneeId}")]
    public static partial void Opened(this ILogger logger, string number, WorkOrderSource source, string? deviceId, WorkOrderStatus status, string? assigneeId);

    [LoggerMessage(4, LogLevel.Debug, "Idempotency key {IdempotencyKey} already opened {Number}")]
    public static partial void AlreadyOpened(this ILogger logger, string idempotencyKey, string number);

    [LoggerMessage(5, LogLevel.Information, "Work order {Number} moved from {From} to {To} by {Actor}")]
    public static partial void Moved(this ILogger logger, string number, WorkOrderStatus from, WorkOrderStatus to, string actor);

    [LoggerMessage(6, LogLevel.Warning, "Work order {Number} changed concurrently; retrying the move to {To}")]
    public static partial void ConcurrentChange(this ILogger logger, string number, WorkOrderStatus to);

    [LoggerMessage(7, LogLevel.Warning, "No active engineer is qualified for asset type {AssetType}; work order {Number} stays New")]
    public static partial void NoQualifiedEngineer(this ILogger logger, string? assetType, string number);

    [LoggerMessage(8, LogLevel.Information, "Registered device {DeviceId} ({AssetType} at {Site})")]
    public static partial void DeviceRegistered(this ILogger logger, string deviceId, string assetType, string site);

    [LoggerMessage(9, LogLevel.Debug, "Device cache reloaded: {Count} devices")]
    public static partial void DeviceCacheReloaded(this ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Information, "Demo seed: added {Count} engineer(s)")]
    public static partial void DemoSeeded(this ILogger logger, int count);
}
