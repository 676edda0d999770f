using System.Text.Json;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Grains.Devices;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Memory;

/// <summary>
/// Where an active device grain's bytes go, without a silo: N devices like the e2e harness's (pumps, motors,
/// compressors and fans) learn <c>--samples</c> simulated readings each; their state is stored as the grain storage
/// stores it (System.Text.Json, general defaults), then read back the way an activation does, one component at a time:
/// the <see cref="DeviceState"/> object (with the detector's JSON released, as the grain does), each of its larger
/// members alone, and the detector rebuilt from its exported state. Each figure is the heap's growth after a full
/// compacting GC, divided by N, with every object of the step still referenced. The Orleans activation's own share is
/// what the e2e harness's <c>grain_bytes_per_device</c> has beyond these.
/// </summary>
internal static class MemoryProbe
{
    public const string Usage = "  memory [--devices N] [--samples S]   heap per device grain component (state, readings, detector), no silo";

    private static readonly JsonSerializerOptions StorageJson = new(JsonSerializerDefaults.General);

    public static int Run(string[] args)
    {
        var devices = IntArgument(args, "--devices", 2_000);
        var samples = IntArgument(args, "--samples", 120);
        var stored = StoredStates(devices, samples);
        var detectors = new AnomalyDetectorFactory(new AnomalyDetectorOptions());
        Console.WriteLine($"{devices:N0} devices, {samples} samples each; stored state {stored.Average(s => s.Payload.Length):N0} chars of JSON " +
                          $"(detector {stored.Average(s => s.Detector.Length):N0})");

        Report("DeviceState as read, detector JSON released", devices, () => stored.Select(s => (object)ReadState(s.Payload)).ToArray());
        Report("  LatestReadings as read", devices, () => stored.Select(s => (object)ReadState(s.Payload).LatestReadings).ToArray());
        var shared = stored.Select(s => detectors.Create(s.AssetType, s.Detector).Channels).ToArray();
        Report("  LatestReadings on shared names", devices, () => stored.Select((s, i) => (object)ChannelReadings.Align(shared[i], ReadState(s.Payload).LatestReadings)).ToArray());
        Report("  LastExplanation alone", devices, () => stored.Select(s => (object?)ReadState(s.Payload).LastExplanation).ToArray());
        Report("  SeenSeqs alone", devices, () => stored.Select(s => (object)ReadState(s.Payload).SeenSeqs).ToArray());
        Report("  Episode alone", devices, () => stored.Select(s => (object)ReadState(s.Payload).Episode).ToArray());
        Report("  AssetType + Site", devices, () => stored.Select(s => ReadState(s.Payload)).Select(s => (object)new[] { s.AssetType, s.Site }).ToArray());
        Report("DeviceState as the grain keeps it", devices, () => stored.Select((s, i) => (object)AsActivated(ReadState(s.Payload), shared[i])).ToArray());
        Report("SeqRangeSet (the grain's _seen)", devices, () => stored.Select(s => (object)new SeqRangeSet(ReadState(s.Payload).SeenSeqs)).ToArray());
        Report("detector rebuilt from its export", devices, () => stored.Select(s => (object)detectors.Create(s.AssetType, s.Detector)).ToArray());
        return 0;
    }

    private static DeviceState ReadState(string payload)
    {
        var state = JsonSerializer.Deserialize<DeviceState>(payload, StorageJson)!;
        state.DetectorState = null;
        return state;
    }

    /// <summary>What <c>DeviceGrain.OnActivateAsync</c> does to the state it read (ReleaseSavedCopies, ShareLoadedValues).</summary>
    private static DeviceState AsActivated(DeviceState state, IReadOnlyList<string> channels)
    {
        state.SeenSeqs = [];
        state.ShareLoadedValues(channels);
        return state;
    }

    private static void Report(string what, int devices, Func<object?[]> build)
    {
        var before = FullGcHeapBytes();
        var kept = build();
        var after = FullGcHeapBytes();
        GC.KeepAlive(kept);
        // The array that keeps them is the probe's, not the grain's.
        var bytes = (after - before - (24 + (8L * kept.Length))) / (double)devices;
        Console.WriteLine($"{what,-40} {bytes,8:N0} B per device");
    }

    private static IReadOnlyList<(string AssetType, string Payload, string Detector)> StoredStates(int count, int samples)
    {
        string[] types = ["pump", "motor", "compressor", "fan"];
        var model = new FleetModel(new Scenario
        {
            Name = "memory",
            Seed = 7,
            Start = DateTimeOffset.UnixEpoch,
            Sites = [new SiteSpec("bench-site", 53.55, 9.99)],
            Fleet = [.. types.Select((t, i) => new FleetGroupSpec(t, "bench-site", (count / 4) + (i < count % 4 ? 1 : 0), $"m-{t}"))],
        });
        var factory = new AnomalyDetectorFactory(new AnomalyDetectorOptions());
        var detectors = model.Devices.Select(d => factory.Create(d.AssetType)).ToArray();
        var states = model.Devices.Select(d => new DeviceState { AssetType = d.AssetType, Site = "bench-site" }).ToArray();
        for (var step = 1; step <= samples; step++)
        {
            var i = 0;
            foreach (var (_, sample) in model.Step())
            {
                var score = detectors[i].Score(sample.Ts!.Value, sample.Readings!);
                var state = states[i++];
                state.SamplesReceived++;
                state.LastSeenAt = state.LastScoredAt = sample.Ts;
                state.LatestReadings = new Dictionary<string, double>(sample.Readings!);
                state.LastScore = score.Score;
                state.LastExplanation = score.WarmingUp ? null : score.Explain();
            }
        }

        return [.. model.Devices.Select((d, i) =>
        {
            states[i].SeenSeqs = [new SeqRange(1, samples)];
            states[i].DetectorState = detectors[i].ExportState();
            return (d.AssetType, JsonSerializer.Serialize(states[i], StorageJson), states[i].DetectorState!);
        })];
    }

    private static long FullGcHeapBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static int IntArgument(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
