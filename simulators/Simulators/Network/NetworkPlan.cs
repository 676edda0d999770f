using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Physics;

namespace WorkOrders.Simulators.Network;

/// <summary>
/// Turns each step's samples into what the devices put on the wire, following the scenario's network trouble:
/// drops (will fires, outbox drains as batches on reconnect), bursts (held, then sent back to back), delayed batches
/// (held, then sent as one batch), duplicates and malformed messages. Pure and deterministic, like <see cref="FleetModel"/>.
/// </summary>
internal sealed class NetworkPlan
{
    public const int MaxSamplesPerBatch = 100;

    private readonly Scenario _scenario;
    private readonly Dictionary<string, DeviceLink> _links = new(StringComparer.Ordinal);

    public NetworkPlan(Scenario scenario)
    {
        _scenario = scenario;
    }

    /// <param name="step">One step of samples; their timestamps are what gets published.</param>
    /// <param name="simulatedNow">Simulated time of the step, which the scenario's windows refer to.</param>
    public IReadOnlyList<Transmission> Plan(IEnumerable<(string DeviceId, TelemetrySampleMessage Sample)> step, DateTimeOffset simulatedNow)
    {
        var plan = new List<Transmission>();
        var at = (simulatedNow - _scenario.Start).TotalSeconds;
        foreach (var (deviceId, sample) in step)
        {
            var link = Link(deviceId);
            var duplicateDraw = link.Random.NextDouble();
            var malformedDraw = link.Random.NextDouble();
            var malformedKind = (int)(link.Random.NextDouble() * MalformedPayloads.Count);

            var down = InWindow(_scenario.Network.Disconnects, deviceId, at);
            if (down && link.Connected)
            {
                link.Connected = false;
                plan.Add(new ConnectionDrop(deviceId));
            }
            else if (!down && !link.Connected)
            {
                link.Connected = true;
                plan.Add(new ConnectionRestore(deviceId));
            }

            var hold = down ? Hold.Batch
                : InWindow(_scenario.Network.DelayedBatches, deviceId, at) ? Hold.Batch
                : InWindow(_scenario.Network.Bursts, deviceId, at) ? Hold.Individually
                : Hold.None;

            if (hold != Hold.None)
            {
                link.Outbox.Add((sample, hold));
                continue;
            }

            Flush(deviceId, link, plan);
            var payload = TelemetryCodec.Encode(TelemetryMessage.Single(deviceId, sample));
            plan.Add(new TelemetryPublish(deviceId, payload, 1, IsDuplicate: false));
            if (duplicateDraw < _scenario.Network.DuplicateProbability)
            {
                plan.Add(new TelemetryPublish(deviceId, payload, 1, IsDuplicate: true));
            }

            if (malformedDraw < _scenario.Network.MalformedProbability)
            {
                plan.Add(new MalformedPublish(deviceId, MalformedPayloads.Create(malformedKind, deviceId, sample.Seq ?? 0)));
            }
        }

        return plan;
    }

    /// <summary>Sends what the device held back, oldest first: batches of up to 100 samples, or one message each after a burst.</summary>
    private static void Flush(string deviceId, DeviceLink link, List<Transmission> plan)
    {
        var i = 0;
        while (i < link.Outbox.Count)
        {
            var mode = link.Outbox[i].Hold;
            if (mode == Hold.Individually)
            {
                var sample = link.Outbox[i++].Sample;
                plan.Add(new TelemetryPublish(deviceId, TelemetryCodec.Encode(TelemetryMessage.Single(deviceId, sample)), 1, false));
                continue;
            }

            var batch = new List<TelemetrySampleMessage>();
            while (i < link.Outbox.Count && link.Outbox[i].Hold == mode && batch.Count < MaxSamplesPerBatch)
            {
                batch.Add(link.Outbox[i++].Sample);
            }

            plan.Add(new TelemetryPublish(deviceId, TelemetryCodec.Encode(TelemetryMessage.Batch(deviceId, batch)), batch.Count, false));
        }

        link.Outbox.Clear();
    }

    private static bool InWindow(IReadOnlyList<NetworkWindowSpec> windows, string deviceId, double at)
    {
        foreach (var w in windows)
        {
            if ((w.Device == "*" || w.Device == deviceId) && at >= w.AtSeconds && at < w.AtSeconds + w.ForSeconds)
            {
                return true;
            }
        }

        return false;
    }

    private DeviceLink Link(string deviceId)
    {
        if (!_links.TryGetValue(deviceId, out var link))
        {
            link = new DeviceLink(DeterministicRandom.For(_scenario.Seed, deviceId, "network"));
            _links[deviceId] = link;
        }

        return link;
    }

    private enum Hold
    {
        None,
        Batch,
        Individually,
    }

    private sealed class DeviceLink(DeterministicRandom random)
    {
        public DeterministicRandom Random { get; } = random;

        public bool Connected { get; set; } = true;

        public List<(TelemetrySampleMessage Sample, Hold Hold)> Outbox { get; } = [];
    }
}
