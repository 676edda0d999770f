using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using WorkOrders.Api.Broker;
using WorkOrders.Contracts.Devices;
using WorkOrders.Ingest.Mqtt;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Simulators;

namespace WorkOrders.Api.Demo;

/// <summary>
/// <c>--demo</c>: seeds engineers, registers the built-in scenario's simulated fleet and runs it
/// against the broker on an accelerated clock, so a predictive work order opens within minutes.
/// </summary>
public sealed partial class DemoFleetService(
    IServiceProvider services,
    DeviceRegistry registry,
    MqttIngestWorker ingest,
    IOptions<EmbeddedBrokerOptions> broker,
    IServer server,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<DemoFleetService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await services.SeedDemoDataAsync(stoppingToken);
        // The fleet's physics runs on the scenario's own clock (its shifts and ambient day start where the scenario
        // says), so the demo behaves the same whatever the hour it is started at; the samples still carry the real
        // clock (the scenario's wall-clock timestamps).
        var model = new FleetModel(BuiltInScenarios.Demo);
        foreach (var device in model.Devices)
        {
            await registry.RegisterAsync(
                new DeviceRegistration(device.DeviceId, device.AssetType, device.Site, $"{device.Site} demo hall", device.Latitude, device.Longitude),
                stoppingToken);
        }

        await WhenStartedAsync(stoppingToken);
        await ingest.Subscribed.WaitAsync(stoppingToken);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LogBanner(string.Join(", ", addresses), model.Devices.Count);

        await using var publisher = new MqttFleetPublisher(
            model,
            new MqttFleetOptions("127.0.0.1", broker.Value.Port),
            timeProvider,
            loggerFactory.CreateLogger<MqttFleetPublisher>());
        try
        {
            await publisher.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = """

        ================================================================
         Predictive maintenance demo is running.
         Open {Urls} in a browser: the fleet and its work orders, live.
         Sign-in: none needed in demo mode (local, open access).
         {DeviceCount} simulated devices report telemetry; a few develop
         faults, and their preventive work orders open within ~2 minutes.
         API: /openapi/v1.json   Health: /health   Metrics: /metrics
         Stop with Ctrl+C.
        ================================================================
        """)]
    private partial void LogBanner(string urls, int deviceCount);
}
