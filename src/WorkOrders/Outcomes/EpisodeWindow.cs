namespace WorkOrders.Maintenance.Outcomes;

/// <summary>The window of a predictive order's episode on a device.</summary>
public sealed record EpisodeWindow(string DeviceId, DateTimeOffset Start, DateTimeOffset End);
