namespace WorkOrders.Grains.Devices;

/// <summary>One grain per device asset, keyed by the device id.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Scores the samples and remembers them; samples whose seq was seen before are dropped.</summary>
    Task<RecordResult> RecordAsync(TelemetryBatch batch, CancellationToken cancellationToken = default);

    Task<DeviceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>After maintenance: relearn the device's normal level without raising an alarm.</summary>
    Task RebaselineAsync(CancellationToken cancellationToken = default);
}
