using Orleans.Core.Internal;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Managed heap per active device grain, measured in the silo's process over several rounds. A round deactivates every
/// device grain (a chunk at a time, so that each one really writes its state: all at once, 10,000 SQLite writes
/// outlast Orleans' deactivation timeout and states are lost), then activates them again from their stored state
/// (<c>GetSnapshotAsync</c>: state read, detector rebuilt) in <see cref="Steps"/> equal steps, reading the settled heap
/// (<see cref="SettledHeap"/>) before the first step and after each one. Everything else in the process (publishers,
/// broker, ingest) is idle meanwhile.
/// <para>
/// The first round is a warm-up and is not counted: it writes the states, compiles code and creates Orleans' lazily made
/// structures; then the process idles for a minute so that the array pools release the warm-up's write buffers. The
/// figure reported is the median, over every step of the counted rounds, of the heap's growth per grain activated in
/// that step (<see cref="SiloMemoryResult"/>); the growth from no grain to all of them (what this harness reported
/// before) is printed beside it.
/// </para>
/// </summary>
internal static class SiloMemory
{
    private const int Chunk = 200;
    private const int Steps = 4;

    /// <summary>WorkOrders.Grains.Devices.DeviceGrain is internal to the silo's grain assembly: matched by name.</summary>
    private const string DeviceGrainClass = ".DeviceGrain";

    public static async Task<SiloMemoryResult> MeasureAsync(
        IGrainFactory grains, LoadFleet fleet, PlatformMeters meters, StorageTimes storage, int roundCount, TimeSpan poolTrimWait, CancellationToken cancellationToken)
    {
        var rounds = new List<SiloMemoryRound>();
        string? warmUpStorage = null;
        for (var round = 0; round < roundCount; round++)
        {
            rounds.Add(await MeasureRoundAsync(grains, fleet, meters, storage, cancellationToken));
            // The storage timer's lists would otherwise grow inside the next round's window (the harness's own bytes).
            var (reads, writes, _, _) = storage.Take();
            if (round == 0)
            {
                warmUpStorage = $"warm-up round's state reads {reads}; writes {writes}";
                await LetPoolsTrimAsync(poolTrimWait, cancellationToken);
            }
        }

        var result = new SiloMemoryResult(fleet.Devices.Count, rounds[0], [.. rounds.Skip(1)], warmUpStorage!);
        Progress.Say($"[memory] {result.SpreadLine}");
        return result;
    }

    private static async Task<SiloMemoryRound> MeasureRoundAsync(
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

        var heap = new List<SettledHeap.Reading> { await SettledHeap.ReadAsync(cancellationToken) };
        var active = new List<int> { 0 };
        var stepSize = (fleet.Devices.Count + Steps - 1) / Steps;
        foreach (var step in fleet.Devices.Chunk(stepSize))
        {
            await Parallel.ForEachAsync(step, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (device, _) => await grains.GetGrain<IDeviceGrain>(device.DeviceId).GetSnapshotAsync(CancellationToken.None));
            var expected = active[^1] + step.Length;
            await WaitForAsync(async () => await DeviceActivationsAsync(management) == expected, "a step of device grains to be active", patience, cancellationToken);
            active.Add(expected);
            heap.Add(await SettledHeap.ReadAsync(cancellationToken));
        }

        return new SiloMemoryRound([.. active], [.. heap]);
    }

    /// <summary>
    /// The shared array pools keep the buffers of the warm-up's state writes until a full collection finds them unused for
    /// a minute; released in a later round, they showed as a step of -650 KB. Idle that long first, collecting now and then.
    /// </summary>
    private static async Task LetPoolsTrimAsync(TimeSpan poolTrimWait, CancellationToken cancellationToken)
    {
        Progress.Say($"[memory] idling {poolTrimWait.TotalSeconds:N0} s after the warm-up round, so that the array pools let go of its buffers");
        for (var waited = TimeSpan.Zero; waited < poolTrimWait; waited += TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    private static async Task<int> DeviceActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(DeviceGrainClass, StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

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
