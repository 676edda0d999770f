namespace WorkOrders.EdgeAgent.Devices;

public static class AnalogFullScaleExtensions
{
    /// <summary>The full-scale range in volts (datasheet table 3, "Full-scale range and LSB size").</summary>
    public static double Volts(this AnalogFullScale fullScale) => fullScale switch
    {
        AnalogFullScale.Volts6_144 => 6.144,
        AnalogFullScale.Volts4_096 => 4.096,
        AnalogFullScale.Volts2_048 => 2.048,
        AnalogFullScale.Volts1_024 => 1.024,
        AnalogFullScale.Volts0_512 => 0.512,
        AnalogFullScale.Volts0_256 => 0.256,
        _ => throw new ArgumentOutOfRangeException(nameof(fullScale), fullScale, "Not an ADS1115 gain."),
    };
}
