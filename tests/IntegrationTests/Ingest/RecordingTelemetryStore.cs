using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>
/// Interface-level fake of the time-series store: records every (device, seq) it accepted and throws while
/// <see cref="Failing"/> is set, as a store that is down would.
/// </summary>
public sealed class RecordingTelemetryStore : ITelemetryStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredSample> _stored = [];
    private readonly SimulatedOutage _outage = new();

    public bool Failing
    {
        get => _outage.On;
        set => _outage.On = value;
    }

    /// <summary>Writes refused while <see cref="Failing"/> was set.</summary>
    public int Failures => _outage.Refusals;

    public Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _outage.ThrowIfOn(() => new IOException("The time-series store is down (simulated)."));

        lock (_gate)
        {
            _stored.AddRange(samples);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every seq stored for the device, in write order, with repeats.</summary>
    public IReadOnlyList<long> Stored(string deviceId)
    {
        lock (_gate)
        {
            return [.. _stored.Where(s => s.DeviceId == deviceId).Select(s => s.Seq)];
        }
    }
}
