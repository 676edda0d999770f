using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>Records the batches handed to each device's grain; can be told to fail the next hand-offs.</summary>
internal sealed class FakeDeviceHandoff : IDeviceHandoff
{
    private readonly TaskCompletionSource _handedOff = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft;

    public List<(string DeviceId, TelemetryBatch Batch)> HandOffs { get; } = [];

    public IEnumerable<(string DeviceId, long Seq)> HandedOff => HandOffs.SelectMany(h => h.Batch.Samples.Select(s => (h.DeviceId, s.Seq)));

    public void FailNextHandOffs(int count) => _failuresLeft = count;

    /// <summary>Completes at the next hand-off (or at once if there was one already).</summary>
    public Task HandedOffOnce => _handedOff.Task;

    public Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new TimeoutException($"The grain of {deviceId} did not answer.");
        }

        HandOffs.Add((deviceId, batch));
        _handedOff.TrySetResult();
        return Task.FromResult(new RecordResult(batch.Samples.Count, 0, 0, 0));
    }
}
