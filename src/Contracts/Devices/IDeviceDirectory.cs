namespace WorkOrders.Contracts.Devices;

/// <summary>Read access to the device registry, for ingest (unknown devices) and grains (asset metadata).</summary>
public interface IDeviceDirectory
{
    ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default);

    Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default);
}
