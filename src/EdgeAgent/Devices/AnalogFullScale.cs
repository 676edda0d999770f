namespace WorkOrders.EdgeAgent.Devices;

/// <summary>The ADS1115 PGA[11:9] field: the full-scale range of the programmable gain amplifier.</summary>
public enum AnalogFullScale : byte
{
    Volts6_144 = 0b000,
    Volts4_096 = 0b001,
    Volts2_048 = 0b010,
    Volts1_024 = 0b011,
    Volts0_512 = 0b100,
    Volts0_256 = 0b101,
}
