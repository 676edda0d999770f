using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>
/// Grain storage that keeps state as JSON text (as the host's relational storage does), so state survives
/// deactivation only through what was written, and a state that does not round-trip through JSON fails here.
/// Counts reads per grain, which tells a test how many activations a grain had. Checks ETags like the real one.
/// </summary>
public sealed class JsonGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), (string Payload, string ETag)> _rows = new();
    private readonly ConcurrentDictionary<GrainId, int> _reads = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, object> _live = new();

    public int ReadsOf(GrainId grainId) => _reads.GetValueOrDefault(grainId);

    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

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

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var expected = grainState.ETag;
        var current = _rows.TryGetValue(key, out var row) ? row.ETag : null;
        if (current != expected)
        {
            throw new InconsistentStateException($"State of {grainId} changed since it was read.", current, expected);
        }

        var etag = Guid.NewGuid().ToString("N");
        _rows[key] = (JsonSerializer.Serialize(grainState.State, Json), etag);
        _writes.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        _live[grainId] = grainState;
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
