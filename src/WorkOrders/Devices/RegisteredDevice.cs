namespace WorkOrders.Maintenance.Devices;

/// <summary>A device as the registry knows it.</summary>
public sealed record RegisteredDevice(
    string DeviceId,
    string AssetType,
    string Site,
    string? Location,
    double? Latitude,
    double? Longitude,
    DateTimeOffset RegisteredAt)
{
    internal static RegisteredDevice From(Device device) => new(
        device.DeviceId, device.AssetType, device.Site, device.Location, device.Latitude, device.Longitude, device.RegisteredAt);
}

/// <summary>The outcome of a registration: the device, or messages per field.</summary>
public sealed record DeviceRegistrationResult(RegisteredDevice? Device, bool Created, IDictionary<string, string[]> Errors)
{
    public bool IsValid => Device is not null;
}
