using WorkOrders.Contracts.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Grains.Devices;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains;

/// <summary>Services the grains need inside a silo.</summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddDeviceGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeviceGrainOptions>()
            .BindValidatedSection(configuration, DeviceGrainOptions.Section);
        services.AddAnomalyDetection(configuration);
        services.AddMetrics();
        services.AddSingleton<GrainMetrics>();
        services.TryAddSingleton<DeviceGrainServices>();
        services.TryAddSingleton<IActiveModels, NoActiveModels>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
