using WorkOrders.Grains.Devices;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>Hands a device's validated samples to its grain.</summary>
public interface IDeviceHandoff
{
    Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>The Orleans hand-off: one call to the device's grain.</summary>
public sealed class GrainHandoff(IGrainFactory grains) : IDeviceHandoff
{
    public Task<RecordResult> HandOffAsync(string deviceId, TelemetryBatch batch, CancellationToken cancellationToken = default) =>
        grains.GetGrain<IDeviceGrain>(deviceId).RecordAsync(batch, cancellationToken);
}
