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
    public async Task ReactivatedDevice_WithoutEpisodes_HoldsTheSharedInitialEpisodeState()
    {
        var device = cluster.Device(DeviceClusterFixture.NewDeviceId());
        await device.RecordAsync(Batch(1, 2, 3));
        await cluster.Cluster.DeactivateAsync(device);

        await device.GetSnapshotAsync();

        Assert.Same(EpisodeState.Initial, cluster.Storage.Live<DeviceState>(device.GetGrainId())?.Episode);
    }

    private static TelemetryBatch Batch(params long[] seqs) =>
        new([.. seqs.Select(seq => new TelemetryPoint(seq, DegradingDevice.Start.AddSeconds(seq), Readings(seq)))]);

    private static Dictionary<string, double> Readings(long seq) =>
        new() { ["temperature_c"] = 65 + seq % 3, ["vibration_rms_g"] = 0.3 };
}
