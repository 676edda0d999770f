using System.Collections.Concurrent;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The time-series writes in flight, by device and seq. The pipeline writes the store while it hands the same samples
/// to the grains, so a sample is stored and scored only when both are done: once a batch is scored, the hand-off
/// wrapper waits here (beside the hand-off, not in it) for the store write that holds the batch.
/// </summary>
internal sealed class StoreWritesInFlight
{
    private readonly ConcurrentDictionary<(string DeviceId, long Seq), Task> _writes = new();

    public TaskCompletionSource Started(IReadOnlyList<StoredSample> samples)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var sample in samples)
        {
            _writes[(sample.DeviceId, sample.Seq)] = written.Task;
        }

        return written;
    }

    public void Finished(IReadOnlyList<StoredSample> samples, TaskCompletionSource written)
    {
        foreach (var sample in samples)
        {
            _writes.TryRemove(new KeyValuePair<(string, long), Task>((sample.DeviceId, sample.Seq), written.Task));
        }

        written.TrySetResult();
    }

    /// <summary>Completes when the store write of the batch is done (a device's samples of a batch share one write).</summary>
    public Task StoredAsync(string deviceId, TelemetryBatch batch) =>
        batch.Samples.Count > 0 && _writes.TryGetValue((deviceId, batch.Samples[^1].Seq), out var written) ? written : Task.CompletedTask;
}
