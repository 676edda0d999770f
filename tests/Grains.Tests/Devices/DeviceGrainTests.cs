using WorkOrders.Contracts.Telemetry;
using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Cluster;

namespace WorkOrders.Grains.Tests.Devices;

[Collection(DeviceClusterCollection.Name)]
public sealed class DeviceGrainTests(DeviceClusterFixture cluster)
{
    private const string StateName = "device";

    // A guard against a hang, not a timing assertion: the awaited call follows a fake-clock step at once.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DropsAndCountsDuplicateSeqs()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        await device.RecordAsync(Batch(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        var result = await device.RecordAsync(Batch(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 15));

        Assert.Equal(5, result.Accepted);
        Assert.Equal(7, result.Duplicates);
        Assert.Equal(0, result.LateUnscored);
        var snapshot = await device.GetSnapshotAsync();
        Assert.Equal(15, snapshot.SamplesReceived);
        Assert.Equal(7, snapshot.Duplicates);
        Assert.Equal(15, snapshot.LastSeq);
        Assert.Equal(FakeDeviceDirectory.AssetType, snapshot.AssetType);
        Assert.Equal(FakeDeviceDirectory.Site, snapshot.Site);
    }

    [Fact]
    public async Task CountsDuplicates_AcrossDeactivation()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        await device.RecordAsync(Batch(1, 2, 3));
        await cluster.Cluster.DeactivateAsync(device);
        await device.RecordAsync(Batch(1, 2, 3));

        await cluster.Cluster.DeactivateAsync(device);

        var snapshot = await device.GetSnapshotAsync();
        Assert.Equal(3, cluster.Storage.ReadsOf(device.GetGrainId()));
        Assert.Equal(3, snapshot.SamplesReceived);
        Assert.Equal(3, snapshot.Duplicates);
    }

    [Fact]
    public async Task StoresButDoesNotScore_SamplesOlderThanTheNewestScored()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        await device.RecordAsync(Batch(1, 2, 3, 10));

        var result = await device.RecordAsync(Batch(4, 5));

        Assert.Equal(2, result.Accepted);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(2, result.LateUnscored);
        var snapshot = await device.GetSnapshotAsync();
        Assert.Equal(6, snapshot.SamplesReceived);
        Assert.Equal(10, snapshot.LastSeq);
        Assert.Equal(Readings(10), snapshot.LatestReadings);
    }

    [Fact]
    public async Task OpensOneEpisodeAndOneWorkOrder_WhenADeviceDegrades()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        await RecordAllAsync(device, DegradingDevice.Steady());
        var steady = await device.GetSnapshotAsync();
        Assert.Null(steady.OpenEpisode);
        Assert.Empty(cluster.WorkOrders.CallsFor(deviceId));

        await RecordAllAsync(device, DegradingDevice.Degraded());
        await WorkOrderStoredAsync(device);

        var request = Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Equal($"{deviceId}/episode/1", request.IdempotencyKey);
        Assert.Equal(deviceId, request.DeviceId);
        Assert.Equal(FakeDeviceDirectory.AssetType, request.AssetType);
        Assert.Equal(FakeDeviceDirectory.Site, request.Site);
        Assert.Equal($"Predicted fault on {deviceId} ({FakeDeviceDirectory.AssetType})", request.Title);
        Assert.StartsWith("score ", request.Explanation, StringComparison.Ordinal);
        Assert.Contains("vibration_rms_g", request.Explanation, StringComparison.Ordinal);
        Assert.InRange(request.Severity, 0.9, 1.0);
        Assert.Equal(DegradingDevice.Start.AddSeconds(DegradingDevice.SteadySamples + 5), request.DetectedAt);
        Assert.Null(request.PredictedFailureAt);
        var order = Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
        var snapshot = await device.GetSnapshotAsync();
        Assert.NotNull(snapshot.OpenEpisode);
        Assert.Equal(1, snapshot.OpenEpisode.Number);
        Assert.Equal(request.DetectedAt, snapshot.OpenEpisode.OpenedAt);
        Assert.Equal(order.Number, snapshot.OpenEpisode.WorkOrderNumber);
        Assert.Equal(DegradingDevice.SteadySamples + DegradingDevice.DegradedSamples, snapshot.SamplesReceived);
    }

    [Fact]
    public async Task DoesNotOpenASecondWorkOrder_WhenTheSameBatchesAreRedelivered()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        var batches = DegradingDevice.All();
        await RecordAllAsync(device, batches);
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);

        var redelivered = await RecordAllAsync(device, batches);

        Assert.All(redelivered, result => Assert.Equal(0, result.Accepted));
        Assert.Equal(batches.Sum(b => b.Samples.Count), redelivered.Sum(r => r.Duplicates));
        Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
        var snapshot = await device.GetSnapshotAsync();
        Assert.Equal(1, snapshot.OpenEpisode?.Number);
        Assert.Equal(DegradingDevice.SteadySamples + DegradingDevice.DegradedSamples, snapshot.SamplesReceived);
        Assert.Equal(DegradingDevice.SteadySamples + DegradingDevice.DegradedSamples, snapshot.Duplicates);
    }

    [Fact]
    public async Task KeepsSeqsEpisodeAndWorkOrder_AcrossDeactivation()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        var batches = DegradingDevice.All();
        await RecordAllAsync(device, batches);
        await WorkOrderStoredAsync(device);
        var before = await device.GetSnapshotAsync();
        var order = Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));

        await cluster.Cluster.DeactivateAsync(device);

        var stored = cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId());
        Assert.NotNull(stored);
        Assert.Equal([new SeqRange(1, DegradingDevice.SteadySamples + DegradingDevice.DegradedSamples)], stored.SeenSeqs);
        Assert.Equal(1, stored.Episode.Number);
        Assert.True(stored.Episode.IsOpen);
        Assert.Equal(order.Number, stored.OpenWorkOrderNumber);
        Assert.Empty(stored.PendingWorkOrderKeys);

        var redelivered = await RecordAllAsync(device, batches);
        var stillDegraded = await RecordAllAsync(device, DegradingDevice.StillDegraded(40));

        Assert.Equal(2, cluster.Storage.ReadsOf(device.GetGrainId()));
        Assert.All(redelivered, result => Assert.Equal(0, result.Accepted));
        Assert.Equal(40, stillDegraded.Sum(r => r.Accepted));
        var after = await device.GetSnapshotAsync();
        Assert.Equal(before.OpenEpisode?.Number, after.OpenEpisode?.Number);
        Assert.Equal(before.OpenEpisode?.OpenedAt, after.OpenEpisode?.OpenedAt);
        Assert.Equal(order.Number, after.OpenEpisode?.WorkOrderNumber);
        Assert.Equal(before.SamplesReceived + 40, after.SamplesReceived);
        Assert.Equal(before.LastSeq + 40, after.LastSeq);
        Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
    }

    [Fact]
    public async Task AnswersTheBatch_WithTheEpisodeStored_BeforeTheWorkOrderServiceAnswers()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        var slowDispatch = cluster.WorkOrders.HoldCalls(deviceId);

        await RecordAllAsync(device, DegradingDevice.All()).WaitAsync(HangGuard);
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);

        Assert.Empty(cluster.WorkOrders.OrdersFor(deviceId));
        var stored = cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId());
        Assert.NotNull(stored);
        Assert.True(stored.Episode.IsOpen);
        Assert.Equal([$"{deviceId}/episode/1"], stored.PendingWorkOrderKeys);

        slowDispatch.Open();
        await WorkOrderStoredAsync(device);
        var snapshot = await device.GetSnapshotAsync().WaitAsync(HangGuard);

        var order = Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
        Assert.Equal(order.Number, snapshot.OpenEpisode?.WorkOrderNumber);
        Assert.Empty(cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())!.PendingWorkOrderKeys);
        Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
    }

    [Fact]
    public async Task AnEpisodeThatOpensWhileTheLastOnesOrderIsRequested_GetsItsOwnOrder_NotTheOneThatAnswered()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        var firstDispatch = cluster.WorkOrders.HoldCalls(deviceId);
        await RecordAllAsync(device, DegradingDevice.All()).WaitAsync(HangGuard);
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);

        // repaired (the detector learns the machine anew), then the fault comes back: episode 1 closes, episode 2 opens
        await device.RebaselineAsync().WaitAsync(HangGuard);
        await RecordAllAsync(device, DegradingDevice.RepairedThenDegradedAgain(repaired: DegradingDevice.SteadySamples)).WaitAsync(HangGuard);
        var whileRequested = await device.GetSnapshotAsync().WaitAsync(HangGuard);
        Assert.Equal(2, whileRequested.OpenEpisode?.Number);
        Assert.Null(whileRequested.OpenEpisode?.WorkOrderNumber);

        var secondDispatch = cluster.WorkOrders.HoldCalls(deviceId);
        firstDispatch.Open();
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 2).WaitAsync(HangGuard);
        await cluster.Storage.WaitForStoredAsync<DeviceState>(StateName, device.GetGrainId(),
            state => state.PendingWorkOrderKeys is [var only] && only == $"{deviceId}/episode/2").WaitAsync(HangGuard);
        Assert.Null(cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())!.OpenWorkOrderNumber);

        secondDispatch.Open();
        await WorkOrderStoredAsync(device);
        var snapshot = await device.GetSnapshotAsync().WaitAsync(HangGuard);

        Assert.Equal([$"{deviceId}/episode/1", $"{deviceId}/episode/2"], cluster.WorkOrders.CallsFor(deviceId).Select(c => c.IdempotencyKey));
        var first = cluster.WorkOrders.OrderFor($"{deviceId}/episode/1");
        var second = cluster.WorkOrders.OrderFor($"{deviceId}/episode/2");
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(second.Number, snapshot.OpenEpisode?.WorkOrderNumber);
    }

    [Fact]
    public async Task RetriesTheWorkOrder_UntilItOpens_WhenTheServiceFailsFirst()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        cluster.WorkOrders.FailFirstCalls(deviceId, 1);
        await RecordAllAsync(device, DegradingDevice.All());
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);
        var pending = await device.GetSnapshotAsync();
        Assert.Equal(1, pending.OpenEpisode?.Number);
        Assert.Null(pending.OpenEpisode?.WorkOrderNumber);
        Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Empty(cluster.WorkOrders.OrdersFor(deviceId));

        var retried = cluster.WorkOrders.WaitForCallsAsync(deviceId, 2);
        cluster.Clock.Advance(DeviceClusterFixture.WorkOrderRetryInterval);
        await retried.WaitAsync(HangGuard);
        await WorkOrderStoredAsync(device);

        var snapshot = await device.GetSnapshotAsync();
        var order = Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
        Assert.Equal(order.Number, snapshot.OpenEpisode?.WorkOrderNumber);
        Assert.Equal([$"{deviceId}/episode/1", $"{deviceId}/episode/1"], cluster.WorkOrders.CallsFor(deviceId).Select(c => c.IdempotencyKey));

        cluster.Clock.Advance(DeviceClusterFixture.WorkOrderRetryInterval);
        await device.GetSnapshotAsync();

        Assert.Equal(2, cluster.WorkOrders.CallsFor(deviceId).Count);
    }

    [Fact]
    public async Task RetriesAPendingWorkOrder_AfterReactivation()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        cluster.WorkOrders.FailFirstCalls(deviceId, 1);
        await RecordAllAsync(device, DegradingDevice.All());
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);
        await cluster.Cluster.DeactivateAsync(device);
        Assert.Equal([$"{deviceId}/episode/1"], cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())?.PendingWorkOrderKeys);

        var retried = cluster.WorkOrders.WaitForCallsAsync(deviceId, 2);
        await device.GetSnapshotAsync();
        cluster.Clock.Advance(DeviceClusterFixture.WorkOrderRetryInterval);
        await retried.WaitAsync(HangGuard);
        await WorkOrderStoredAsync(device);

        var snapshot = await device.GetSnapshotAsync();
        var order = Assert.Single(cluster.WorkOrders.OrdersFor(deviceId));
        Assert.Equal(order.Number, snapshot.OpenEpisode?.WorkOrderNumber);
        Assert.Equal(2, cluster.WorkOrders.CallsFor(deviceId).Count);
        Assert.Empty(cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())!.PendingWorkOrderKeys);
    }

    [Fact]
    public async Task WritesItsStateFirstAtItsStaggeredTime_NotAtTheFullInterval()
    {
        var interval = new DeviceGrainOptions().SaveInterval;
        var deviceId = DeviceIdWithPhase(0.3, 0.7);
        var firstSave = SaveStagger.FirstSaveAfter(deviceId, interval);
        var device = cluster.Device(deviceId);
        await device.RecordAsync(Batch(1));
        var writesAtStart = cluster.Storage.WritesOf(device.GetGrainId());

        cluster.Clock.Advance(firstSave - TimeSpan.FromSeconds(1));
        await device.RecordAsync(Batch(2));
        var writesBeforeDue = cluster.Storage.WritesOf(device.GetGrainId());
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await device.RecordAsync(Batch(3));
        await cluster.Storage.WaitForWritesAsync(device.GetGrainId(), 1).WaitAsync(HangGuard);

        Assert.Equal(0, writesAtStart);
        Assert.Equal(0, writesBeforeDue);
        Assert.Equal(1, cluster.Storage.WritesOf(device.GetGrainId()));
        Assert.Equal([new SeqRange(1, 3)], cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())?.SeenSeqs);
    }

    [Fact]
    public async Task KeepsNoCopyOfTheDetectorStateInMemory_ButStoresIt()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        await RecordAllAsync(device, DegradingDevice.Steady());
        await cluster.Cluster.DeactivateAsync(device);
        var stored = cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId());

        await device.GetSnapshotAsync();
        var reactivated = cluster.Storage.Live<DeviceState>(device.GetGrainId());
        await device.RebaselineAsync();

        Assert.False(string.IsNullOrEmpty(stored?.DetectorState));
        Assert.Equal(2, cluster.Storage.ReadsOf(device.GetGrainId()));
        Assert.NotNull(reactivated);
        Assert.Null(reactivated.DetectorState);
        Assert.Null(cluster.Storage.Live<DeviceState>(device.GetGrainId())?.DetectorState);
        Assert.False(string.IsNullOrEmpty(cluster.Storage.Stored<DeviceState>(StateName, device.GetGrainId())?.DetectorState));
    }

    private static string DeviceIdWithPhase(double from, double to)
    {
        while (true)
        {
            var deviceId = DeviceClusterFixture.NewDeviceId();
            if (SaveStagger.Phase(deviceId) is var phase && phase >= from && phase <= to)
            {
                return deviceId;
            }
        }
    }

    /// <summary>Waits until the grain has stored its work order: no key pending, the number on the episode.</summary>
    private Task WorkOrderStoredAsync(IDeviceGrain device) =>
        cluster.Storage.WaitForStoredAsync<DeviceState>(StateName, device.GetGrainId(),
            state => state.PendingWorkOrderKeys.Count == 0 && state.OpenWorkOrderNumber is not null).WaitAsync(HangGuard);

    private static async Task<List<RecordResult>> RecordAllAsync(IDeviceGrain device, IEnumerable<TelemetryBatch> batches)
    {
        var results = new List<RecordResult>();
        foreach (var batch in batches)
        {
            results.Add(await device.RecordAsync(batch));
        }

        return results;
    }

    private static TelemetryBatch Batch(params long[] seqs) =>
        new([.. seqs.Select(seq => new TelemetryPoint(seq, DegradingDevice.Start.AddSeconds(seq), Readings(seq)))]);

    private static Dictionary<string, double> Readings(long seq) =>
        new() { ["temperature_c"] = 65 + seq % 3, ["vibration_rms_g"] = 0.3 };
}
