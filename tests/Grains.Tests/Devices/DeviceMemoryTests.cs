using WorkOrders.Contracts.Telemetry;
using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Cluster;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Grains.Tests.Devices;

/// <summary>What an active device grain keeps in memory once it was reactivated from its stored state.</summary>
[Collection(DeviceClusterCollection.Name)]
public sealed class DeviceMemoryTests(DeviceClusterFixture cluster)
{
    [Fact]
    public async Task ReactivatedDevices_KeepTheirReadingsOnOneSharedListOfChannelNames()
    {
        var first = cluster.Device(DeviceClusterFixture.NewDeviceId());
        var second = cluster.Device(DeviceClusterFixture.NewDeviceId());
        await first.RecordAsync(Batch(1, 2, 3));
        await second.RecordAsync(Batch(1, 2, 3, 4));
        await cluster.Cluster.DeactivateAsync(first);
        await cluster.Cluster.DeactivateAsync(second);

        var firstSnapshot = await first.GetSnapshotAsync();
        var secondSnapshot = await second.GetSnapshotAsync();

        var firstReadings = Assert.IsType<ChannelReadings>(cluster.Storage.Live<DeviceState>(first.GetGrainId())?.LatestReadings);
        var secondReadings = Assert.IsType<ChannelReadings>(cluster.Storage.Live<DeviceState>(second.GetGrainId())?.LatestReadings);
        Assert.Same(firstReadings.Names, secondReadings.Names);
        Assert.Equal(Readings(3), firstSnapshot.LatestReadings);
        Assert.Equal(Readings(4), secondSnapshot.LatestReadings);
    }

    [Fact]
    public async Task ReactivatedDevice_KeepsNoCopyOfItsSeqRanges_ButStillDropsDuplicates()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        await device.RecordAsync(Batch(1, 2, 3));
        await cluster.Cluster.DeactivateAsync(device);

        var result = await device.RecordAsync(Batch(2, 3, 4));

        Assert.Empty(cluster.Storage.Live<DeviceState>(device.GetGrainId())!.SeenSeqs);
        Assert.Equal([new SeqRange(1, 3)], cluster.Storage.Stored<DeviceState>("device", device.GetGrainId())!.SeenSeqs);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(2, result.Duplicates);
    }

    [Fact]
    public async Task ReactivatedDevice_WithoutEpisodes_HoldsTheSharedInitialEpisodeAndNoListOfPendingOrders()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        await device.RecordAsync(Batch(1, 2, 3));
        await cluster.Cluster.DeactivateAsync(device);

        await device.GetSnapshotAsync();

        var live = cluster.Storage.Live<DeviceState>(device.GetGrainId())!;
        Assert.Same(EpisodeState.Initial, live.Episode);
        Assert.Same(Array.Empty<string>(), live.PendingWorkOrderKeys);
    }

    [Fact]
    public async Task SteadyDevice_KeepsNoExplanationText_AndStillReportsTheScoresOwn_AcrossDeactivation()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        foreach (var batch in DegradingDevice.Steady())
        {
            await device.RecordAsync(batch);
        }

        var active = await device.GetSnapshotAsync();
        var keptWhileActive = cluster.Storage.Live<DeviceState>(device.GetGrainId())!.KeepsExplanationText;
        await cluster.Cluster.DeactivateAsync(device);
        var reactivated = await device.GetSnapshotAsync();

        var scoresOwn = new AnomalyScore(active.AnomalyScore, false, []).Explain();
        Assert.Equal(scoresOwn, active.Explanation);
        Assert.False(keptWhileActive);
        Assert.Equal(scoresOwn, cluster.Storage.Stored<DeviceState>("device", device.GetGrainId())!.LastExplanation);
        Assert.Equal(scoresOwn, reactivated.Explanation);
        Assert.False(cluster.Storage.Live<DeviceState>(device.GetGrainId())!.KeepsExplanationText);
    }

    [Fact]
    public async Task ReactivatedDevice_HoldsTheInternedAssetTypeAndSite()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        await device.RecordAsync(Batch(1, 2, 3));
        await cluster.Cluster.DeactivateAsync(device);

        await device.GetSnapshotAsync();

        var live = cluster.Storage.Live<DeviceState>(device.GetGrainId())!;
        Assert.Equal(FakeDeviceDirectory.AssetType, live.AssetType);
        Assert.Same(string.IsInterned(live.AssetType!), live.AssetType);
        Assert.Same(string.IsInterned(live.Site!), live.Site);
    }

    private static TelemetryBatch Batch(params long[] seqs) =>
        new([.. seqs.Select(seq => new TelemetryPoint(seq, DegradingDevice.Start.AddSeconds(seq), Readings(seq)))]);

    private static Dictionary<string, double> Readings(long seq) =>
        new() { ["temperature_c"] = 65 + seq % 3, ["vibration_rms_g"] = 0.3 };
}
