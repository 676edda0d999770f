using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace WorkOrders.Api.Broker;

/// <summary>The in-process MQTT broker (MQTTnet.Server) of the single-node install.</summary>
public sealed partial class EmbeddedMqttBroker(
    IOptions<EmbeddedBrokerOptions> options,
    IMeterFactory meterFactory,
    ILogger<EmbeddedMqttBroker> logger) : IHostedService, IDisposable
{
    private readonly Meter _meter = meterFactory.Create("WorkOrders.Broker");
    private MqttServer? _server;
    private Counter<long>? _dropped;

    public bool IsRunning => _server?.IsStarted ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(settings.Port)
            .WithDefaultEndpointBoundIPAddress(settings.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(settings.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .Build();
        _dropped = _meter.CreateCounter<long>("pdm.broker.dropped_messages", description: "Messages the embedded broker dropped because a client's queue was full");
        _server = factory.CreateMqttServer(serverOptions);
        _server.QueuedApplicationMessageOverwrittenAsync += args =>
        {
            _dropped.Add(1);
            LogDropped(args.ReceiverClientId);
            return Task.CompletedTask;
        };
        await _server.StartAsync();
        LogStarted(settings.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync();
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _meter.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on port {Port}")]
    private partial void LogStarted(int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded broker dropped a queued message for client {ClientId}: its queue is full")]
    private partial void LogDropped(string clientId);
}
