using WorkOrders.Contracts.Devices;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>Interface-level fake of the device registry: the given devices are registered, nothing else.</summary>
public sealed class FakeDeviceDirectory(params string[] registered) : IDeviceDirectory
{
    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(registered.Contains(deviceId, StringComparer.Ordinal));

    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(registered.Contains(deviceId, StringComparer.Ordinal)
            ? new DeviceRegistration(deviceId, "pump", "plant-it", null)
            : null);
}
