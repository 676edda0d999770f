using WorkOrders.Grains.Devices;
using WorkOrders.Maintenance.Devices;

namespace WorkOrders.Api.Devices;

/// <summary>Joins the registry with each device grain's live snapshot.</summary>
public sealed class FleetQueries(DeviceRegistry registry, IGrainFactory grains)
{
    public async Task<IReadOnlyList<DeviceView>> ListAsync(CancellationToken cancellationToken)
    {
        var devices = await registry.ListAsync(cancellationToken: cancellationToken);
        var snapshots = await Task.WhenAll(devices.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).GetSnapshotAsync(cancellationToken)));
        return [.. devices.Zip(snapshots, DeviceView.From)];
    }

    public async Task<DeviceView?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(deviceId, cancellationToken) is not { } device)
        {
            return null;
        }

        var snapshot = await grains.GetGrain<IDeviceGrain>(deviceId).GetSnapshotAsync(cancellationToken);
        return DeviceView.From(device, snapshot);
    }
}
