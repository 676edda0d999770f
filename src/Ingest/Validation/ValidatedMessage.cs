using WorkOrders.Grains.Devices;

namespace WorkOrders.Ingest.Validation;

/// <summary>
/// The result of validating one MQTT message: the good samples and one rejection per bad part.
/// A message can have both: a bad sample never takes the good ones beside it down with it.
/// </summary>
public sealed record ValidatedMessage(string? DeviceId, IReadOnlyList<TelemetryPoint> Samples, IReadOnlyList<Rejection> Rejections);

/// <summary>One rejected message or sample, with a reason code and a sentence a person can act on.</summary>
public sealed record Rejection(string Reason, string Detail);
