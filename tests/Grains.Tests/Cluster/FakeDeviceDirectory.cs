using WorkOrders.Contracts.Devices;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>A registry in which every device is a centrifugal pump at plant-1.</summary>
public sealed class FakeDeviceDirectory : IDeviceDirectory
{
    public const string AssetType = "centrifugal_pump";
    public const string Site = "plant-1";

    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(true);

    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<DeviceRegistration?>(new DeviceRegistration(deviceId, AssetType, Site, "line 2"));
}
