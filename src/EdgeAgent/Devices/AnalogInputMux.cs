namespace WorkOrders.EdgeAgent.Devices;

/// <summary>The ADS1115 MUX[14:12] field (datasheet table 8): differential pairs or an input against GND.</summary>
public enum AnalogInputMux : byte
{
    Ain0MinusAin1 = 0b000,
    Ain0MinusAin3 = 0b001,
    Ain1MinusAin3 = 0b010,
    Ain2MinusAin3 = 0b011,
    Ain0 = 0b100,
    Ain1 = 0b101,
    Ain2 = 0b110,
    Ain3 = 0b111,
}
