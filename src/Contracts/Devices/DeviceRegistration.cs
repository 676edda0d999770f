namespace WorkOrders.Contracts.Devices;

/// <summary>A device asset as registered through <c>POST /api/devices</c>.</summary>
public sealed record DeviceRegistration(
    string DeviceId,
    string AssetType,
    string Site,
    string? Location,
    double? Latitude = null,
    double? Longitude = null);
