using System.Diagnostics.Metrics;
using WorkOrders.Contracts.Devices;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>A registry that knows exactly the devices it was given.</summary>
internal sealed class FakeDeviceDirectory(params string[] registered) : IDeviceDirectory
{
    private readonly HashSet<string> _registered = new(registered, StringComparer.Ordinal);

    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_registered.Contains(deviceId));

    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_registered.Contains(deviceId) ? new DeviceRegistration(deviceId, "pump", "plant-1", null) : null);
}

internal sealed class FakeDeadLetterStore : IDeadLetterStore
{
    public List<DeadLetter> Written { get; } = [];

    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken = default)
    {
        Written.AddRange(deadLetters);
        return Task.CompletedTask;
    }
}

/// <summary>Records every write; can be told to refuse the next writes, as a store that is down would.</summary>
internal sealed class FakeTelemetryStore : ITelemetryStore
{
    private int _failuresLeft;

    public List<IReadOnlyList<StoredSample>> Writes { get; } = [];

    public IEnumerable<(string DeviceId, long Seq)> Stored => Writes.SelectMany(w => w).Select(s => (s.DeviceId, s.Seq));

    public void FailNextWrites(int count) => _failuresLeft = count;

    public Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new IOException("The time-series store refused the write (503).");
        }

        Writes.Add([.. samples]);
        return Task.CompletedTask;
    }
}

/// <summary>Records the batches handed to each device's grain; can be told to fail the next hand-offs.</summary>
internal sealed class FakeDeviceHandoff : IDeviceHandoff
{
    private int _failuresLeft;

    public List<(string DeviceId, TelemetryBatch Batch)> HandOffs { get; } = [];

    public IEnumerable<(string DeviceId, long Seq)> HandedOff => HandOffs.SelectMany(h => h.Batch.Samples.Select(s => (h.DeviceId, s.Seq)));

    public void FailNextHandOffs(int count) => _failuresLeft = count;

    public Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new TimeoutException($"The grain of {deviceId} did not answer.");
        }

        HandOffs.Add((deviceId, batch));
        return Task.FromResult(new RecordResult(batch.Samples.Count, 0, 0, 0));
    }
}

internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
