using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>
/// Interface-level fake of the grain hand-off: records every seq it accepted, per device, and throws while
/// <see cref="Failing"/> is set, as an unreachable silo would.
/// </summary>
public sealed class RecordingHandoff : IDeviceHandoff
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _seqs = new(StringComparer.Ordinal);
    private readonly SimulatedOutage _outage = new();

    public bool Failing
    {
        get => _outage.On;
        set => _outage.On = value;
    }

    /// <summary>Hand-offs refused while <see cref="Failing"/> was set.</summary>
    public int Failures => _outage.Refusals;

    public Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _outage.ThrowIfOn(() => new InvalidOperationException($"The grain of {deviceId} is unreachable (simulated)."));

        lock (_gate)
        {
            if (!_seqs.TryGetValue(deviceId, out var seqs))
            {
                _seqs[deviceId] = seqs = [];
            }

            seqs.AddRange(batch.Samples.Select(s => s.Seq));
        }

        return Task.FromResult(new RecordResult(batch.Samples.Count, 0, 0, 0));
    }

    /// <summary>Every seq handed off for the device, in hand-off order, with repeats.</summary>
    public IReadOnlyList<long> HandedOff(string deviceId)
    {
        lock (_gate)
        {
            return _seqs.TryGetValue(deviceId, out var seqs) ? [.. seqs] : [];
        }
    }
}
