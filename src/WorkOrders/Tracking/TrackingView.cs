namespace WorkOrders.Maintenance.Tracking;

/// <summary>
/// All a customer's progress link shows: the order number, a customer-friendly state, the expected time of the
/// engineer's arrival (when it is still ahead) and when the order last changed. Nothing else.
/// </summary>
public sealed record TrackingView(string Number, string State, DateTimeOffset? Eta, DateTimeOffset LastUpdatedAt);
