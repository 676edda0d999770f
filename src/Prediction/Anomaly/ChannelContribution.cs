namespace WorkOrders.Prediction.Anomaly;

/// <summary>One channel's part in a score: its reading, what the device's normal expected, and the distance in robust sigmas (signed).</summary>
public sealed record ChannelContribution(string Channel, double Value, double Expected, double Deviation);
