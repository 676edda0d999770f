using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Around ingest's hand-off to a device grain. Once RecordAsync returned, now − the sample's <c>ts</c> (its publish
/// time) is publish → scored. Without holding the hand-off up, it then waits for the store write that holds the batch
/// (ingest writes it while the grains score, and does not wait for it before its next batch): then the batch is
/// stored and scored, and counts as consumed.
/// </summary>
internal sealed class TimedHandoff(IDeviceHandoff inner, StageClock clock) : IDeviceHandoff
{
    public async Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        var result = await inner.HandOffAsync(deviceId, batch, cancellationToken);
        clock.Scored(batch, result, DateTimeOffset.UtcNow);
        _ = CountWhenStoredAsync(clock.StoreWrites.StoredAsync(deviceId, batch), batch, result);
        return result;
    }

    private async Task CountWhenStoredAsync(Task stored, TelemetryBatch batch, RecordResult result)
    {
        await stored;
        clock.StoredAndScored(batch, result, DateTimeOffset.UtcNow);
    }
}
