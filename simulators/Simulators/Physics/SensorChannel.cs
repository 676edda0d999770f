namespace WorkOrders.Simulators.Physics;

/// <summary>
/// How a sensor reports one reading: Gaussian noise (absolute plus relative), quantisation to a number of
/// decimals, and how far a drifting sensor wanders by the time it is out of tolerance.
/// </summary>
internal sealed record SensorChannel(string Reading, double NoiseAbsolute, double NoiseRelative, int Decimals, double DriftSpan)
{
    public static SensorChannel For(string reading) => reading switch
    {
        Readings.TemperatureC => new(reading, 0.15, 0, 1, 15),
        Readings.VibrationRmsG => new(reading, 0.002, 0.03, 3, 0.3),
        Readings.VibrationKurtosis => new(reading, 0.12, 0, 2, 3),
        Readings.VibrationBand1G => new(reading, 0.0003, 0.04, 4, 0.05),
        Readings.CurrentA => new(reading, 0.05, 0.01, 1, 10),
        Readings.CurrentImbalancePct => new(reading, 0.12, 0, 2, 5),
        Readings.PressureBar => new(reading, 0.02, 0, 2, 1.5),
        Readings.FlowM3h => new(reading, 0.3, 0.01, 1, 40),
        Readings.Rpm => new(reading, 2, 0, 0, 150),
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "Unknown reading."),
    };

    /// <summary>What the sensor reports for a true value, given one standard normal draw.</summary>
    public double Measure(double truth, double standardNormal, double noiseScale)
    {
        var sigma = (NoiseAbsolute + (NoiseRelative * Math.Abs(truth))) * noiseScale;
        return truth + (sigma * standardNormal);
    }

    /// <summary>Rounds as the device's ADC and firmware would; never reports −0, nor a negative magnitude except temperature.</summary>
    public double Quantise(double value)
    {
        var bounded = Reading == Readings.TemperatureC ? value : Math.Max(0, value);
        return Math.Round(bounded, Decimals, MidpointRounding.AwayFromZero) + 0.0;
    }
}
