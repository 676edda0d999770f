using WorkOrders.Contracts.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WorkOrders.Prediction.Anomaly;

public static class AnomalyDetectionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AnomalyDetectorOptions"/> from the "Anomaly" section (validated at start-up) and registers
    /// <see cref="IAnomalyDetectorFactory"/> as a singleton. Register an <see cref="AnomalyBaselineCatalog"/> first to seed new devices.
    /// </summary>
    public static IServiceCollection AddAnomalyDetection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AnomalyDetectorOptions>()
            .BindValidatedSection(configuration, AnomalyDetectorOptions.SectionName);
        services.TryAddSingleton(AnomalyBaselineCatalog.Empty);
        services.TryAddSingleton<IAnomalyDetectorFactory>(provider => new AnomalyDetectorFactory(
            provider.GetRequiredService<IOptions<AnomalyDetectorOptions>>().Value,
            provider.GetRequiredService<AnomalyBaselineCatalog>()));
        return services;
    }
}
