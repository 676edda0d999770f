using Orleans.Core.Internal;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Managed heap per active device grain, measured in the silo's process, twice (the second round is reported: the
/// first one's forced GCs can also release one-off things such as pooled buffers): deactivate every device grain, a
/// chunk at a time so that each one really writes its state (all at once, 10,000 SQLite writes outlast Orleans' deactivation
/// timeout and states are lost), force a full compacting GC, activate all N again (<c>GetSnapshotAsync</c>: state
/// read, detector rebuilt from it), force a full GC again, and divide the heap's growth by N. Everything else in the
/// process (publishers, broker, ingest) is idle meanwhile; the heap's change over a second of idling before the
/// activations is reported as the noise floor.
/// </summary>
internal static class SiloMemory
{
    private const int Chunk = 200;

    /// <summary>WorkOrders.Grains.Devices.DeviceGrain is internal to the silo's grain assembly: matched by name.</summary>
    private const string DeviceGrainClass = ".DeviceGrain";

    public static async Task<SiloMemoryResult> MeasureAsync(
        IGrainFactory grains, LoadFleet fleet, PlatformMeters meters, StorageTimes storage, CancellationToken cancellationToken)
    {
        var first = await MeasureOnceAsync(grains, fleet, meters, storage, cancellationToken);
        var second = await MeasureOnceAsync(grains, fleet, meters, storage, cancellationToken);
        return second with { FirstRoundBytesPerDevice = first.BytesPerDevice };
    }

    private static async Task<SiloMemoryResult> MeasureOnceAsync(
        IGrainFactory grains, LoadFleet fleet, PlatformMeters meters, StorageTimes storage, CancellationToken cancellationToken)
    {
        var patience = TimeSpan.FromMinutes(2) + (fleet.Devices.Count * TimeSpan.FromMilliseconds(50));
        var remaining = meters.ActiveDevices;
        foreach (var chunk in fleet.Devices.Chunk(Chunk))
        {
            await Task.WhenAll(chunk.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).AsReference<IGrainManagementExtension>().DeactivateOnIdle().AsTask()));
            remaining -= chunk.Length;
            var target = remaining;
            await WaitForAsync(() => meters.ActiveDevices <= target && storage.WritesInFlight == 0, "a chunk of device grains to deactivate and write their state", patience, cancellationToken);
        }

        // The grains' own counter drops when OnDeactivateAsync starts; Orleans lets go of an activation only later.
        var management = grains.GetGrain<IManagementGrain>(0);
        await WaitForAsync(async () => await DeviceActivationsAsync(management) == 0, "Orleans to release every device grain", patience, cancellationToken);
        var idle = FullGcHeapBytes();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var before = FullGcHeapBytes();

        await Parallel.ForEachAsync(fleet.Devices, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (device, _) => await grains.GetGrain<IDeviceGrain>(device.DeviceId).GetSnapshotAsync(CancellationToken.None));
        await WaitForAsync(async () => await DeviceActivationsAsync(management) == fleet.Devices.Count, "every device grain to be active", patience, cancellationToken);
        var after = FullGcHeapBytes();
        return new SiloMemoryResult(fleet.Devices.Count, before, after, before - idle);
    }

    private static async Task<int> DeviceActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(DeviceGrainClass, StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

    private static long FullGcHeapBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static Task WaitForAsync(Func<bool> condition, string what, TimeSpan patience, CancellationToken cancellationToken) =>
        WaitForAsync(() => Task.FromResult(condition()), what, patience, cancellationToken);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds:N0} s for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}

/// <summary>The second round's heap growth per grain (the first round's, which may include one-off effects, beside it).</summary>
internal sealed record SiloMemoryResult(int Devices, long HeapBefore, long HeapAfter, long IdleDrift)
{
    public long BytesPerDevice => (HeapAfter - HeapBefore) / Devices;

    public long? FirstRoundBytesPerDevice { get; init; }

    public override string ToString() =>
        $"heap {HeapBefore / 1048576.0:N1} MiB → {HeapAfter / 1048576.0:N1} MiB for {Devices:N0} grains: {BytesPerDevice:N0} B each " +
        $"(first round {FirstRoundBytesPerDevice:N0} B; idle drift {IdleDrift / 1024.0:N0} KiB, i.e. ±{Math.Abs(IdleDrift) / (double)Devices:N0} B per device)";
}
