namespace WorkOrders.Simulators.Tests;

/// <summary>
/// A faulty device and its healthy twin: same seed, same load and noise, so their difference is the fault alone.
/// </summary>
internal sealed class Twin
{
    private readonly Series _faulty;
    private readonly Series _healthy;

    public Twin(string assetType, FaultSpec fault, MaintenanceSpec? maintenance = null, TimeSpan? length = null)
    {
        var simulated = length ?? TimeSpan.FromSeconds(fault.BeginsAtSeconds + (fault.TimeToFailureSeconds * 1.2));
        var faulty = TestScenarios.Single(assetType, fault, maintenance);
        _faulty = Series.Run(faulty, simulated);
        _healthy = Series.Run(TestScenarios.Single(assetType, maintenance: maintenance), simulated);
        Label = new FleetModel(faulty).Labels.Single();
    }

    public FaultLabel Label { get; }

    /// <summary>Time at a fraction of the fault's life (0 = began, 1 = failed).</summary>
    public DateTimeOffset At(double progress) => Label.BeganAt + ((Label.FailedAt - Label.BeganAt) * progress);

    /// <summary>Mean faulty − mean healthy of a reading over the half-hour after <paramref name="from"/>.</summary>
    public double Shift(string reading, DateTimeOffset from) =>
        _faulty.Mean(TestScenarios.SingleDeviceId, reading, from, from.AddMinutes(30))
        - _healthy.Mean(TestScenarios.SingleDeviceId, reading, from, from.AddMinutes(30));

    public double Shift(string reading, double progress) => Shift(reading, At(progress));

    /// <summary>The healthy twin's mean of a reading around a fraction of the fault's life.</summary>
    public double Healthy(string reading, double progress) =>
        _healthy.Mean(TestScenarios.SingleDeviceId, reading, At(progress), At(progress).AddMinutes(30));

    public IEnumerable<double> FaultyValues(string reading, DateTimeOffset from, DateTimeOffset to) =>
        _faulty.Of(TestScenarios.SingleDeviceId)
            .Where(s => s.Ts >= from && s.Ts < to && s.Readings!.ContainsKey(reading))
            .Select(s => s.Readings![reading]);
}
