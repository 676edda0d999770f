namespace WorkOrders.EdgeAgent.Devices.Vibration;

/// <summary>ADXL345 register map (datasheet Rev. G, table 19).</summary>
internal enum Adxl345Register : byte
{
    DeviceId = 0x00,
    BandwidthRate = 0x2C,
    PowerControl = 0x2D,
    InterruptSource = 0x30,
    DataFormat = 0x31,
    DataX0 = 0x32,
    FifoControl = 0x38,
    FifoStatus = 0x39,
}
