using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Cluster;
using WorkOrders.Grains.Tests.Devices;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Tests.Lifecycle;

[Collection(DeviceClusterCollection.Name)]
public sealed class ModelRolloutTests(DeviceClusterFixture cluster) : IDisposable
{
    private const string StateName = "device";
    private const string AssetType = FakeDeviceDirectory.AssetType;

    private static ActiveModel Version(int number) =>
        new($"{AssetType}-v{number}", new ModelBundle(null, null, TimeSpan.FromHours(1)));

    [Fact]
    public async Task RollsOutANewVersion_AndRollsItBack_OnALiveGrain_WithoutReactivation()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        var batches = DegradingDevice.Steady();
        await device.RecordAsync(batches[0]);
        var before = StoredVersion(device);

        cluster.Models.Activate(AssetType, Version(1));
        await device.RecordAsync(batches[1]);
        var rolledOut = StoredVersion(device);
        cluster.Models.Activate(AssetType, Version(2));
        await device.RecordAsync(batches[2]);
        var second = StoredVersion(device);
        cluster.Models.Activate(AssetType, Version(1)); // the rollback re-activates v1
        await device.RecordAsync(batches[3]);

        Assert.Null(before);
        Assert.Equal($"{AssetType}-v1", rolledOut);
        Assert.Equal($"{AssetType}-v2", second);
        Assert.Equal($"{AssetType}-v1", StoredVersion(device));
        Assert.Equal(1, cluster.Storage.ReadsOf(device.GetGrainId()));
        Assert.Equal(4 * DegradingDevice.BatchSize, (await device.GetSnapshotAsync()).SamplesReceived);
    }

    [Fact]
    public async Task RunsTheActiveVersion_AfterDeactivationAndReactivation()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        var batches = DegradingDevice.Steady();
        cluster.Models.Activate(AssetType, Version(3));
        await device.RecordAsync(batches[0]);
        await cluster.Cluster.DeactivateAsync(device);
        var kept = StoredVersion(device);

        cluster.Models.Activate(AssetType, Version(4)); // activated while the grain was not
        await device.RecordAsync(batches[1]);
        await cluster.Cluster.DeactivateAsync(device);

        Assert.Equal($"{AssetType}-v3", kept);
        Assert.Equal($"{AssetType}-v4", StoredVersion(device));
        Assert.Equal(2, cluster.Storage.ReadsOf(device.GetGrainId()));
    }

    [Fact]
    public async Task RaisesTheWorkOrder_WithTheVersionThatDetectedTheEpisode()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        cluster.Models.Activate(AssetType, Version(5));

        foreach (var batch in DegradingDevice.All())
        {
            await device.RecordAsync(batch);
        }

        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(TimeSpan.FromSeconds(30));
        var request = Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Equal($"{AssetType}-v5", request.ModelVersion);
        Assert.Null(request.PredictedFailureAt); // v5 has no RUL model
    }

    public void Dispose() => cluster.Models.Clear(AssetType);

    private string? StoredVersion(IDeviceGrain device) =>
        cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())?.ModelVersion;
}
