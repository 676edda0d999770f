using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Around ingest's hand-off to a device grain: when RecordAsync returns, the grain has scored the batch (and the
/// pipeline stored it just before), so now − the sample's <c>ts</c> (its publish time) is publish → scored.
/// </summary>
internal sealed class TimedHandoff(IDeviceHandoff inner, StageClock clock) : IDeviceHandoff
{
    public async Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        var result = await inner.HandOffAsync(deviceId, batch, cancellationToken);
        clock.HandedOff(batch, result, DateTimeOffset.UtcNow);
        return result;
    }
}
