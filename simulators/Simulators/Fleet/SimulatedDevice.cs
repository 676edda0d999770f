using WorkOrders.Contracts.Devices;

namespace WorkOrders.Simulators;

/// <summary>One device of a simulated fleet, as it would be registered with the platform.</summary>
public sealed record SimulatedDevice(string DeviceId, string AssetType, string Site, double Latitude, double Longitude)
{
    public DeviceRegistration ToRegistration() =>
        new(DeviceId, AssetType, Site, Location: null, Latitude, Longitude);
}
