using WorkOrders.Contracts.Devices;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>Marks the pipeline's first registry check of a batch: it comes right after the first message is validated.</summary>
internal sealed class TimedDeviceDirectory(IDeviceDirectory inner, StageClock clock) : IDeviceDirectory
{
    public ValueTask<bool> IsRegisteredAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        clock.RegistryChecked();
        return inner.IsRegisteredAsync(deviceId, cancellationToken);
    }

    public Task<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken = default) =>
        inner.FindAsync(deviceId, cancellationToken);
}
