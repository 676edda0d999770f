using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Delivery;
using WorkOrders.EdgeAgent.Health;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.EdgeAgent.Sampling;
using WorkOrders.EdgeAgent.Sensors;

namespace WorkOrders.EdgeAgent;

public static class EdgeAgentServiceCollectionExtensions
{
    /// <summary>Everything the agent runs: sensors → sampling → outbox → MQTT, remote configuration and heartbeats.</summary>
    public static IServiceCollection AddEdgeAgent(this IServiceCollection services)
    {
        services.AddOptions<EdgeAgentOptions>().BindConfiguration(EdgeAgentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeAgentOptions>, EdgeAgentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp =>
        {
            var outbox = sp.GetRequiredService<IOptions<EdgeAgentOptions>>().Value.Outbox;
            var settings = new OutboxSettings(outbox.Directory, outbox.MaxBytes, outbox.SegmentBytes, outbox.FlushToDisk);
            return DiskOutbox.Open(settings, sp.GetRequiredService<ILogger<DiskOutbox>>());
        });
        services.AddSingleton<AgentSettingsStore>();
        services.AddSingleton<AppliedConfigurationFile>();
        services.AddSingleton<SensorHealth>();

        services.AddSingleton<SimulatedDeviceFactory>();
        services.AddSingleton<HardwareDeviceFactory>();
        services.TryAddSingleton<ISensorDeviceFactory>(sp =>
            sp.GetRequiredService<IOptions<EdgeAgentOptions>>().Value.Sensors.Simulated
                ? sp.GetRequiredService<SimulatedDeviceFactory>()
                : sp.GetRequiredService<HardwareDeviceFactory>());
        services.AddSingleton<ISensorReader, EnvironmentReader>();
        services.AddSingleton<ISensorReader, VibrationReader>();
        services.AddSingleton<ISensorReader, AnalogReader>();
        services.AddSingleton<ISensorReader, DigitalReader>();

        services.AddSingleton<PdmBrokerProfile>();
        services.AddSingleton<AzureIotHubProfile>();
        services.AddSingleton<IBrokerProfile>(sp =>
            sp.GetRequiredService<IOptions<EdgeAgentOptions>>().Value.Transport == EdgeTransport.AzureIotHub
                ? sp.GetRequiredService<AzureIotHubProfile>()
                : sp.GetRequiredService<PdmBrokerProfile>());
        services.AddSingleton<MqttLink>();

        // Started in this order: persisted settings first, then sampling, then the network side.
        services.AddSingleton<RemoteConfigService>();
        services.AddHostedService(sp => sp.GetRequiredService<RemoteConfigService>());
        services.AddSingleton<SamplingService>();
        services.AddHostedService(sp => sp.GetRequiredService<SamplingService>());
        services.AddHostedService<MqttConnectionService>();
        services.AddHostedService<LivePublisher>();
        services.AddHostedService<BacklogPublisher>();
        services.AddSingleton<HeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatService>());
        return services;
    }
}
