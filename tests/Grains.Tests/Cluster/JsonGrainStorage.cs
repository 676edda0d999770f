using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>
/// Grain storage that keeps state as JSON text (as the host's relational storage does), so state survives
/// deactivation only through what was written, and a state that does not round-trip through JSON fails here.
/// Counts reads per grain, which tells a test how many activations a grain had. Checks ETags like the real one, when
/// the write commits. Like the host's storage it serializes the state before its first await, so a test can hold a
/// grain's writes open (<see cref="HoldWrites"/>) or fail them (<see cref="FailNextWrites"/>).
/// </summary>
public sealed class JsonGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), (string Payload, string ETag)> _rows = new();
    private readonly ConcurrentDictionary<GrainId, int> _reads = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, object> _live = new();
    private readonly ConcurrentDictionary<GrainId, WriteGate> _gates = new();
    private readonly ConcurrentDictionary<GrainId, int> _failures = new();
    private readonly ConcurrentDictionary<GrainId, int> _started = new();
    private readonly ConcurrentDictionary<GrainId, int> _conflicts = new();
    private readonly ConcurrentDictionary<GrainId, List<(int Count, TaskCompletionSource Reached)>> _startWaits = new();
    private readonly ConcurrentDictionary<GrainId, List<(int Count, TaskCompletionSource Reached)>> _commitWaits = new();

    public int ReadsOf(GrainId grainId) => _reads.GetValueOrDefault(grainId);

    /// <summary>Writes of the grain that committed.</summary>
    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    /// <summary>Writes of the grain that started (committed, failed, or held open).</summary>
    public int WritesStartedOf(GrainId grainId) => _started.GetValueOrDefault(grainId);

    /// <summary>Writes of the grain refused because their ETag was stale when they committed.</summary>
    public int ConflictsOf(GrainId grainId) => _conflicts.GetValueOrDefault(grainId);

    /// <summary>From now on the grain's writes take their JSON at once and commit only when the gate opens.</summary>
    public WriteGate HoldWrites(GrainId grainId) => _gates[grainId] = new WriteGate();

    /// <summary>The grain's next <paramref name="count"/> writes fail with an <see cref="IOException"/>.</summary>
    public void FailNextWrites(GrainId grainId, int count) => _failures[grainId] = count;

    /// <summary>Completes once <paramref name="count"/> writes of the grain have started.</summary>
    public Task WaitForWritesStartedAsync(GrainId grainId, int count) => WaitFor(_startWaits, _started, grainId, count);

    /// <summary>Completes once <paramref name="count"/> writes of the grain have committed.</summary>
    public Task WaitForWritesAsync(GrainId grainId, int count) => WaitFor(_commitWaits, _writes, grainId, count);

    /// <summary>Completes once the grain's stored state meets <paramref name="condition"/>: checked now and after each commit.</summary>
    public async Task WaitForStoredAsync<T>(string stateName, GrainId grainId, Func<T, bool> condition)
    {
        while (true)
        {
            var commits = WritesOf(grainId);
            if (Stored<T>(stateName, grainId) is { } state && condition(state))
            {
                return;
            }

            await WaitForWritesAsync(grainId, commits + 1);
        }
    }

    /// <summary>The grain's own state object (what its activation holds in memory), as last read or written.</summary>
    public T? Live<T>(GrainId grainId) =>
        _live.TryGetValue(grainId, out var grainState) ? ((IGrainState<T>)grainState).State : default;

    /// <summary>The state as last written, read back from its JSON.</summary>
    public T? Stored<T>(string stateName, GrainId grainId) =>
        _rows.TryGetValue((stateName, grainId), out var row) ? JsonSerializer.Deserialize<T>(row.Payload, Json) : default;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        _live[grainId] = grainState;
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = JsonSerializer.Deserialize<T>(row.Payload, Json) ?? Activator.CreateInstance<T>();
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var expected = grainState.ETag;
        var payload = JsonSerializer.Serialize(grainState.State, Json);
        Count(_started, _startWaits, grainId);
        if (_failures.TryGetValue(grainId, out var failures) && failures > 0)
        {
            _failures[grainId] = failures - 1;
            throw new IOException($"Simulated failure writing the state of {grainId}.");
        }

        if (_gates.TryGetValue(grainId, out var gate))
        {
            await gate.Opened;
        }

        var etag = Guid.NewGuid().ToString("N");
        lock (_rows)
        {
            var current = _rows.TryGetValue(key, out var row) ? row.ETag : null;
            if (current != expected)
            {
                _conflicts.AddOrUpdate(grainId, 1, (_, count) => count + 1);
                throw new InconsistentStateException($"State of {grainId} changed since it was read.", current, expected);
            }

            _rows[key] = (payload, etag);
        }

        _live[grainId] = grainState;
        grainState.ETag = etag;
        grainState.RecordExists = true;
        Count(_writes, _commitWaits, grainId);
    }

    private static void Count(
        ConcurrentDictionary<GrainId, int> counts,
        ConcurrentDictionary<GrainId, List<(int Count, TaskCompletionSource Reached)>> waits,
        GrainId grainId)
    {
        var reached = counts.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        if (!waits.TryGetValue(grainId, out var list))
        {
            return;
        }

        lock (list)
        {
            foreach (var wait in list.Where(w => w.Count <= reached))
            {
                wait.Reached.TrySetResult();
            }
        }
    }

    private static Task WaitFor(
        ConcurrentDictionary<GrainId, List<(int Count, TaskCompletionSource Reached)>> waits,
        ConcurrentDictionary<GrainId, int> counts,
        GrainId grainId,
        int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = waits.GetOrAdd(grainId, _ => []);
        lock (list)
        {
            list.Add((count, reached));
        }

        if (counts.GetValueOrDefault(grainId) >= count)
        {
            reached.TrySetResult();
        }

        return reached.Task;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
