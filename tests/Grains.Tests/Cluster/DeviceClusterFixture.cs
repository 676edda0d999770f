using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Lifecycle;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>One in-process silo shared by the grain tests; each test uses its own device id.</summary>
public sealed class DeviceClusterFixture : IAsyncLifetime
{
    // Not the option's default (10 s), so a test that steps the clock by this much proves the setting was bound.
    public static readonly TimeSpan WorkOrderRetryInterval = TimeSpan.FromSeconds(4);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public FakePredictiveWorkOrders WorkOrders => Services.GetRequiredService<FakePredictiveWorkOrders>();

    /// <summary>The silo's active model versions; a test that sets one must clear it (other tests share the asset type).</summary>
    public FakeActiveModels Models => Services.GetRequiredService<FakeActiveModels>();

    public JsonGrainStorage Storage => Services.GetRequiredService<JsonGrainStorage>();

    /// <summary>The grains' clock; only the test that owns the step advances it.</summary>
    public FakeTimeProvider Clock => Services.GetRequiredService<FakeTimeProvider>();

    private IServiceProvider Services => Cluster.GetSiloServiceProvider();

    public static string NewDeviceId() => $"pump-{Guid.NewGuid():N}";

    public IDeviceGrain Device(string deviceId) => Grains.GetGrain<IDeviceGrain>(deviceId);

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties[$"{DeviceGrainOptions.Section}:{nameof(DeviceGrainOptions.WorkOrderRetryInterval)}"] = WorkOrderRetryInterval.ToString("c");
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
