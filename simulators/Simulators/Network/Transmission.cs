namespace WorkOrders.Simulators.Network;

/// <summary>One thing a device does on the wire, in order.</summary>
internal abstract record Transmission(string DeviceId);

/// <summary>A telemetry message (one sample or a batch) for the device's telemetry topic.</summary>
internal sealed record TelemetryPublish(string DeviceId, byte[] Payload, int Samples, bool IsDuplicate) : Transmission(DeviceId);

/// <summary>Bytes on the telemetry topic that are not valid telemetry.</summary>
internal sealed record MalformedPublish(string DeviceId, byte[] Payload) : Transmission(DeviceId);

/// <summary>The connection drops without a clean DISCONNECT: the broker publishes the will.</summary>
internal sealed record ConnectionDrop(string DeviceId) : Transmission(DeviceId);

/// <summary>The device reconnects after a drop: birth message, then its outbox.</summary>
internal sealed record ConnectionRestore(string DeviceId) : Transmission(DeviceId);
