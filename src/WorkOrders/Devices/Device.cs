namespace WorkOrders.Maintenance.Devices;

/// <summary>A registered device asset: ingest accepts telemetry only from these.</summary>
public sealed class Device
{
    public required string DeviceId { get; set; }

    public required string AssetType { get; set; }

    public required string Site { get; set; }

    public string? Location { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}
