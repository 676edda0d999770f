using WorkOrders.Contracts.Devices;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>A registry that knows exactly the devices it was given.</summary>
internal sealed class FakeDeviceDirectory(params string[] registered) : IDeviceDirectory
{
    private readonly HashSet<string> _registered = new(registered, StringComparer.Ordinal);

    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_registered.Contains(deviceId));

    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_registered.Contains(deviceId) ? new DeviceRegistration(deviceId, "pump", "plant-1", null) : null);
}
