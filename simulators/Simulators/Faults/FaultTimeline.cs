namespace WorkOrders.Simulators.Faults;

/// <summary>
/// One fault's course in time. Severity grows as ((t − began) / timeToFailure)^p — slowly at first, faster near the
/// end — and reaches 1 at failure; maintenance sets it back to zero. <see cref="DetectableSeverity"/> is the severity
/// at which the fault's leading reading leaves the healthy band by a clear margin (see docs/simulators.md).
/// </summary>
internal sealed class FaultTimeline
{
    private const int StuckSamplesToDetect = 10;

    public FaultTimeline(FaultSpec spec, DateTimeOffset start, TimeSpan publishInterval, IEnumerable<MaintenanceSpec> maintenance)
    {
        Kind = spec.Kind;
        Channel = FaultKinds.IsSensorFault(spec.Kind) ? spec.Channel ?? Readings.TemperatureC : null;
        BeganAt = start + SimulatedTime.Seconds(spec.BeginsAtSeconds);
        Duration = SimulatedTime.Seconds(spec.TimeToFailureSeconds);
        FailedAt = BeganAt + Duration;
        RepairedAt = maintenance
            .Select(m => start + SimulatedTime.Seconds(m.AtSeconds))
            .Where(at => at > BeganAt)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();
        DetectableAt = Kind == FaultKinds.SensorStuck
            ? Min(BeganAt + (publishInterval * StuckSamplesToDetect), FailedAt)
            : BeganAt + (Duration * Math.Pow(DetectableSeverity(Kind), 1 / Exponent(Kind)));
    }

    public string Kind { get; }

    public string? Channel { get; }

    public DateTimeOffset BeganAt { get; }

    public DateTimeOffset DetectableAt { get; }

    public DateTimeOffset FailedAt { get; }

    public DateTimeOffset? RepairedAt { get; }

    public TimeSpan Duration { get; }

    public bool IsActive(DateTimeOffset time) => time >= BeganAt && (RepairedAt is not { } r || time < r);

    public bool HasFailed(DateTimeOffset time) => IsActive(time) && time >= FailedAt;

    /// <summary>Progress through the fault's life: 0 at its start, 1 at failure, beyond 1 afterwards; 0 when inactive.</summary>
    public double Progress(DateTimeOffset time) =>
        IsActive(time) ? (time - BeganAt) / Duration : 0;

    public double Severity(DateTimeOffset time) =>
        Math.Min(1, Math.Pow(Progress(time), Exponent(Kind)));

    public FaultLabel ToLabel(string deviceId) => new(deviceId, Kind, BeganAt, DetectableAt, FailedAt, RepairedAt, Channel);

    /// <summary>Machine faults accelerate (p = 2); sensor drift grows steadily (p = 1).</summary>
    public static double Exponent(string kind) => FaultKinds.IsSensorFault(kind) ? 1 : 2;

    public static double DetectableSeverity(string kind) => kind switch
    {
        FaultKinds.BearingWear => 0.05,   // bearing band energy at 3× its healthy level, kurtosis near 4.5
        FaultKinds.Misalignment => 0.10,  // +0.09 g overall vibration
        FaultKinds.Cavitation => 0.10,    // +0.08 g vibration, kurtosis +0.3, pressure 3 % low and unsteady
        FaultKinds.Overheating => 0.15,   // temperature rise 30 % above normal for the load
        FaultKinds.Electrical => 0.10,    // current imbalance +1.4 points over a healthy 0.8 %
        FaultKinds.SensorDrift => 0.20,   // a fifth of the drift span, e.g. +3 °C
        _ => 0,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
