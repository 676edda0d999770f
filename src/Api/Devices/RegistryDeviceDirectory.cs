using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Devices;

namespace WorkOrders.Api.Devices;

/// <summary>The registry, as ingest and the grains see it.</summary>
public sealed class RegistryDeviceDirectory(DeviceRegistry registry) : IDeviceDirectory
{
    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default) =>
        registry.IsRegisteredAsync(deviceId, cancellationToken);

    public async Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        await registry.FindAsync(deviceId, cancellationToken) is { } device
            ? new DeviceRegistration(device.DeviceId, device.AssetType, device.Site, device.Location, device.Latitude, device.Longitude)
            : null;
}
