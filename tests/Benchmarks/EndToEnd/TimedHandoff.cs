using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Around ingest's hand-off to a device grain. The pipeline writes the store while the grains score, so once
/// RecordAsync returned this waits for the store write that holds the batch too: then the batch is stored and scored,
/// and now − the sample's <c>ts</c> (its publish time) is publish → scored.
/// </summary>
internal sealed class TimedHandoff(IDeviceHandoff inner, StageClock clock) : IDeviceHandoff
{
    public async Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        var result = await inner.HandOffAsync(deviceId, batch, cancellationToken);
        await clock.StoreWrites.StoredAsync(deviceId, batch);
        clock.HandedOff(batch, result, DateTimeOffset.UtcNow);
        return result;
    }
}
