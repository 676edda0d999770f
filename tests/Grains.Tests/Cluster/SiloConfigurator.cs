using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Grains.Tests.Lifecycle;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>
/// The silo as the host builds it (<c>AddDeviceGrains</c> from configuration), with the host's collaborators
/// replaced by fakes: JSON grain storage "devices", the registry, the work-order service, and a fake clock
/// for the grains (grain timers included) while the silo's own background loops stay on real time.
/// </summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);

    public void Configure(ISiloBuilder siloBuilder)
    {
        var services = siloBuilder.Services;
        services.AddDeviceGrains(siloBuilder.Configuration);

        services.AddSingleton<JsonGrainStorage>();
        services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Devices, (provider, _) => provider.GetRequiredService<JsonGrainStorage>());
        services.AddSingleton<FakeDeviceDirectory>();
        services.AddSingleton<IDeviceDirectory>(provider => provider.GetRequiredService<FakeDeviceDirectory>());
        services.AddSingleton<FakePredictiveWorkOrders>();
        services.AddSingleton<IPredictiveWorkOrders>(provider => provider.GetRequiredService<FakePredictiveWorkOrders>());
        services.AddSingleton<FakeActiveModels>();
        services.AddSingleton<IActiveModels>(provider => provider.GetRequiredService<FakeActiveModels>());

        services.AddSingleton(new FakeTimeProvider(Epoch));
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<FakeTimeProvider>());
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
    }
}
