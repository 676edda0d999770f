using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Tests.Pipeline;

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
