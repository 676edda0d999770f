using Microsoft.Extensions.Logging;

namespace WorkOrders.EdgeAgent.Delivery;

public sealed partial class MqttLink
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the broker; samples after seq {LiveFromSeq} are live, earlier unsent ones are backlog")]
    private static partial void LogConnected(ILogger logger, long liveFromSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected from the broker ({Reason}): {Error}")]
    private static partial void LogDisconnected(ILogger logger, string reason, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the broker: {Error}")]
    private static partial void LogConnectionFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting in {DelayMs:0} ms")]
    private static partial void LogReconnecting(ILogger logger, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to renew credentials before they expire")]
    private static partial void LogRenewingCredentials(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Error}")]
    private static partial void LogGoodbyeFailed(ILogger logger, string error);
}
