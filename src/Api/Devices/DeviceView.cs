using WorkOrders.Grains.Devices;
using WorkOrders.Maintenance.Devices;

namespace WorkOrders.Api.Devices;

/// <summary>A registered device with its live health from its grain.</summary>
public sealed record DeviceView(
    string DeviceId,
    string AssetType,
    string Site,
    string? Location,
    DateTimeOffset RegisteredAt,
    long SamplesReceived,
    long? LastSeq,
    DateTimeOffset? LastSeenAt,
    IReadOnlyDictionary<string, double> LatestReadings,
    double AnomalyScore,
    string? Explanation,
    EpisodeSnapshot? OpenEpisode)
{
    public static DeviceView From(RegisteredDevice device, DeviceSnapshot snapshot) => new(
        device.DeviceId,
        device.AssetType,
        device.Site,
        device.Location,
        device.RegisteredAt,
        snapshot.SamplesReceived,
        snapshot.LastSeq,
        snapshot.LastSeenAt,
        snapshot.LatestReadings,
        snapshot.AnomalyScore,
        snapshot.Explanation,
        snapshot.OpenEpisode);
}
