using WorkOrders.Contracts.Telemetry;
using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Cluster;

namespace WorkOrders.Grains.Tests.Devices;

/// <summary>
/// The device grain's state writes: periodic writes run behind the grain's turns (at most one in flight), episode
/// openings are written through before the batch returns, and deactivation waits for the write in flight.
/// </summary>
[Collection(DeviceClusterCollection.Name)]
public sealed class DeviceGrainSaveTests(DeviceClusterFixture cluster)
{
    private const string StateName = "device";

    // A guard against a hang, not a timing assertion: every awaited step has already been made possible.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SaveInterval = new DeviceGrainOptions().SaveInterval;

    [Fact]
    public async Task TakesTheNextBatch_WhileItsPeriodicStateWriteIsHeldOpen()
    {
        var device = cluster.Device(DeviceIdWithPhase(0.1, 1.0));
        var grainId = device.GetGrainId();
        var gate = cluster.Storage.HoldWrites(grainId);
        await device.RecordAsync(Batch(1));
        cluster.Clock.Advance(SaveInterval);
        await device.RecordAsync(Batch(2)).WaitAsync(HangGuard);
        await cluster.Storage.WaitForWritesStartedAsync(grainId, 1).WaitAsync(HangGuard);

        var next = await device.RecordAsync(Batch(3)).WaitAsync(HangGuard);

        Assert.Equal(1, next.Accepted);
        Assert.Equal(1, cluster.Storage.WritesStartedOf(grainId));
        Assert.Equal(0, cluster.Storage.WritesOf(grainId));
        gate.Open();
        await cluster.Storage.WaitForWritesAsync(grainId, 1).WaitAsync(HangGuard);
        // The write holds the seqs as they were when it started, not batch 3 that arrived while it was open.
        Assert.Equal([new SeqRange(1, 2)], Stored(grainId)?.SeenSeqs);
    }

    [Fact]
    public async Task WaitsForTheWriteInFlight_ThenWritesTheRest_WhenDeactivated()
    {
        var device = cluster.Device(DeviceIdWithPhase(0.1, 1.0));
        var grainId = device.GetGrainId();
        var gate = cluster.Storage.HoldWrites(grainId);
        await device.RecordAsync(Batch(1));
        cluster.Clock.Advance(SaveInterval);
        await device.RecordAsync(Batch(2)).WaitAsync(HangGuard);
        await cluster.Storage.WaitForWritesStartedAsync(grainId, 1).WaitAsync(HangGuard);
        await device.RecordAsync(Batch(3)).WaitAsync(HangGuard);

        var deactivation = cluster.Cluster.DeactivateAsync(device);
        gate.Open();
        await deactivation.WaitAsync(HangGuard);

        Assert.Equal(2, cluster.Storage.WritesOf(grainId));
        Assert.Equal(0, cluster.Storage.ConflictsOf(grainId));
        Assert.Equal([new SeqRange(1, 3)], Stored(grainId)?.SeenSeqs);
        var reactivated = await device.GetSnapshotAsync();
        Assert.Equal(3, reactivated.SamplesReceived);
    }

    [Fact]
    public async Task StoresTheOpenedEpisode_BeforeTheBatchReturnsOrTheWorkOrderIsRequested()
    {
        // A late phase: no periodic write is due within the 340 samples, so the first write is the episode's.
        var deviceId = DeviceIdWithPhase(0.9, 1.0);
        var device = cluster.Device(deviceId);
        var grainId = device.GetGrainId();
        await RecordAllAsync(device, DegradingDevice.Steady());
        Assert.Equal(0, cluster.Storage.WritesStartedOf(grainId));
        var gate = cluster.Storage.HoldWrites(grainId);

        var opening = await FindBatchThatWritesAsync(device, grainId, DegradingDevice.Degraded());

        Assert.False(opening.IsCompleted);
        Assert.Empty(cluster.WorkOrders.CallsFor(deviceId));
        gate.Open();
        await opening.WaitAsync(HangGuard);
        var stored = Stored(grainId);
        Assert.NotNull(stored);
        Assert.True(stored.Episode.IsOpen);
        Assert.Equal(1, stored.Episode.Number);
        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(HangGuard);
        var request = Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        Assert.Equal($"{deviceId}/episode/1", request.IdempotencyKey);
    }

    [Fact]
    public async Task KeepsTheStateDirtyAndWritesItAgain_AfterAFailedPeriodicWrite()
    {
        var device = cluster.Device(DeviceIdWithPhase(0.1, 1.0));
        var grainId = device.GetGrainId();
        var retryAfter = new DeviceGrainOptions().SaveRetryInterval;
        cluster.Storage.FailNextWrites(grainId, 1);
        using var failures = new CounterWaiter(GrainMetrics.MeterName, "pdm.grains.state_write_failures");
        await device.RecordAsync(Batch(1));
        cluster.Clock.Advance(SaveInterval);

        var failed = await device.RecordAsync(Batch(2));
        await failures.Counted.WaitAsync(HangGuard);
        await device.RecordAsync(Batch(3));
        var startedBeforeRetry = cluster.Storage.WritesStartedOf(grainId);
        cluster.Clock.Advance(retryAfter);
        await device.RecordAsync(Batch(4));
        await cluster.Storage.WaitForWritesAsync(grainId, 1).WaitAsync(HangGuard);

        Assert.Equal(1, failed.Accepted);
        Assert.Equal(1, startedBeforeRetry);
        Assert.Equal(2, cluster.Storage.WritesStartedOf(grainId));
        Assert.Equal(1, cluster.Storage.WritesOf(grainId));
        Assert.Equal([new SeqRange(1, 4)], Stored(grainId)?.SeenSeqs);
    }

    /// <summary>Records batches until one starts a state write, and returns that batch's call, not awaited.</summary>
    private async Task<Task<RecordResult>> FindBatchThatWritesAsync(IDeviceGrain device, GrainId grainId, IEnumerable<TelemetryBatch> batches)
    {
        var writeStarted = cluster.Storage.WaitForWritesStartedAsync(grainId, 1);
        foreach (var batch in batches)
        {
            var record = device.RecordAsync(batch);
            if (await Task.WhenAny(record, writeStarted).WaitAsync(HangGuard) == writeStarted)
            {
                return record;
            }
        }

        throw new InvalidOperationException("No batch started a state write.");
    }

    private DeviceState? Stored(GrainId grainId) => cluster.Storage.Stored<DeviceState>(StateName, grainId);

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

    private static async Task RecordAllAsync(IDeviceGrain device, IEnumerable<TelemetryBatch> batches)
    {
        foreach (var batch in batches)
        {
            await device.RecordAsync(batch);
        }
    }

    private static TelemetryBatch Batch(params long[] seqs) =>
        new([.. seqs.Select(seq => new TelemetryPoint(seq, DegradingDevice.Start.AddSeconds(seq), new Dictionary<string, double> { ["temperature_c"] = 65, ["vibration_rms_g"] = 0.3 }))]);
}
