namespace WorkOrders.EdgeAgent.Devices.Climate;

/// <summary>BME280 memory map (datasheet BST-BME280-DS002, section 5.3).</summary>
internal enum Bme280Register : byte
{
    CalibrationTemperaturePressure = 0x88,
    CalibrationH1 = 0xA1,
    ChipId = 0xD0,
    CalibrationHumidity = 0xE1,
    ControlHumidity = 0xF2,
    Status = 0xF3,
    ControlMeasurement = 0xF4,
    Config = 0xF5,
    PressureMsb = 0xF7,
}
