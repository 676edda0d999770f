namespace WorkOrders.Simulators.Physics;

/// <summary>What the machine is doing at one instant, before the sensors see it.</summary>
internal sealed record PhysicalState(
    double Load,
    double Rpm,
    double CurrentA,
    double CurrentImbalancePct,
    double TemperatureC,
    double VibrationRmsG,
    double VibrationKurtosis,
    double VibrationBand1G,
    double PressureBar,
    double FlowM3h)
{
    public double Get(string reading) => reading switch
    {
        Readings.TemperatureC => TemperatureC,
        Readings.VibrationRmsG => VibrationRmsG,
        Readings.VibrationKurtosis => VibrationKurtosis,
        Readings.VibrationBand1G => VibrationBand1G,
        Readings.CurrentA => CurrentA,
        Readings.CurrentImbalancePct => CurrentImbalancePct,
        Readings.PressureBar => PressureBar,
        Readings.FlowM3h => FlowM3h,
        Readings.Rpm => Rpm,
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "Unknown reading."),
    };
}
