using Microsoft.Extensions.Logging;

namespace WorkOrders.Simulators.Mqtt;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Publishing {Devices} simulated devices over {Connections} MQTT connections to {Host}:{Port}")]
    public static partial void Starting(this ILogger logger, int devices, int connections, string host, int port);

    [LoggerMessage(2, LogLevel.Warning, "MQTT connection {ClientId} could not connect; retrying in {Delay}")]
    public static partial void ConnectFailed(this ILogger logger, string clientId, TimeSpan delay, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "MQTT connection {ClientId} connected")]
    public static partial void Connected(this ILogger logger, string clientId);

    [LoggerMessage(4, LogLevel.Warning, "Broker refused a message on {Topic}: {ReasonCode}")]
    public static partial void PublishRefused(this ILogger logger, string topic, string reasonCode);

    [LoggerMessage(5, LogLevel.Warning, "MQTT connection {ClientId} lost while publishing; the outbox keeps the message")]
    public static partial void PublishFailed(this ILogger logger, string clientId, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Simulated network drop of {ClientId}")]
    public static partial void Dropping(this ILogger logger, string clientId);

    [LoggerMessage(7, LogLevel.Information, "Run finished at simulated {SimulatedNow}: {Samples} samples, {Sent} sent, {Acked} acknowledged, {Errors} errors")]
    public static partial void Finished(this ILogger logger, DateTimeOffset simulatedNow, long samples, long sent, long acked, long errors);

    [LoggerMessage(8, LogLevel.Warning, "Graceful shutdown of MQTT connection {ClientId} failed")]
    public static partial void ShutdownFailed(this ILogger logger, string clientId, Exception exception);
}
