namespace WorkOrders.Simulators;

/// <summary>
/// Ground truth for one fault: when it began, when its physics made it detectable, and when the machine (or, for a
/// sensor fault, the sensor) failed. When <see cref="RepairedAt"/> is before <see cref="FailedAt"/>, maintenance came
/// first and the failure never happened; <see cref="FailedAt"/> is then when it would have.
/// <see cref="Channel"/> names the reading of a sensor fault.
/// </summary>
public sealed record FaultLabel(
    string DeviceId,
    string FaultKind,
    DateTimeOffset BeganAt,
    DateTimeOffset DetectableAt,
    DateTimeOffset FailedAt,
    DateTimeOffset? RepairedAt = null,
    string? Channel = null)
{
    /// <summary>True when the failure happened before any repair.</summary>
    public bool Failed => RepairedAt is not { } repaired || repaired > FailedAt;
}
