using System.Diagnostics;
using Orleans.Storage;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Times the device grains' state reads (activation) and writes (every <c>Devices:SaveEverySamples</c> samples or
/// <c>SaveInterval</c>, and on deactivation): a grain's turn, and with it ingest's batch, waits for them.
/// </summary>
internal sealed class TimedGrainStorage(IGrainStorage inner, StorageTimes times) : IGrainStorage, IAsyncDisposable
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.ReadStateAsync(stateName, grainId, grainState);
        times.Read(Stopwatch.GetElapsedTime(started));
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var started = times.Writing();
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            times.Written(Stopwatch.GetElapsedTime(started));
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>The container disposes this wrapper, not the storage it wraps (which may have writes to commit).</summary>
    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>Grain state reads and writes: how many, and how long they took.</summary>
internal sealed class StorageTimes
{
    private readonly Lock _gate = new();
    private readonly List<double> _writes = [];
    private readonly List<double> _reads = [];
    private long _writesInFlight;

    public long WritesInFlight => Interlocked.Read(ref _writesInFlight);

    public void Read(TimeSpan took)
    {
        lock (_gate)
        {
            _reads.Add(took.TotalMilliseconds);
        }
    }

    /// <summary>A write starts; returns its start timestamp.</summary>
    public long Writing()
    {
        Interlocked.Increment(ref _writesInFlight);
        return Stopwatch.GetTimestamp();
    }

    public void Written(TimeSpan took)
    {
        Interlocked.Decrement(ref _writesInFlight);
        lock (_gate)
        {
            _writes.Add(took.TotalMilliseconds);
        }
    }

    /// <summary>Reads and writes since the last call.</summary>
    public (Percentiles Reads, Percentiles Writes, double ReadMs, double WriteMs) Take()
    {
        lock (_gate)
        {
            var result = (Percentiles.Of(_reads), Percentiles.Of(_writes), _reads.Sum(), _writes.Sum());
            _reads.Clear();
            _writes.Clear();
            return result;
        }
    }
}
