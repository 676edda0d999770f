using WorkOrders.Contracts.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Ingest.Mqtt;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Ingest;

/// <summary>
/// Registers the ingest worker. The host supplies <see cref="WorkOrders.Contracts.Devices.IDeviceDirectory"/>,
/// <see cref="DeadLetters.IDeadLetterStore"/> and an Orleans <c>IGrainFactory</c> (a silo or a cluster client).
/// </summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddTelemetryIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MqttIngestOptions>()
            .BindValidatedSection(configuration, MqttIngestOptions.Section);
        services.AddOptions<TelemetryValidationOptions>()
            .BindValidatedSection(configuration, TelemetryValidationOptions.Section);
        services.AddTelemetryStore(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<TelemetryValidator>();
        services.AddSingleton<RecentSeqFilter>();
        services.TryAddSingleton<IDeviceHandoff, GrainHandoff>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<MqttIngestWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<MqttIngestWorker>());
        return services;
    }
}
