namespace WorkOrders.EdgeAgent.Devices.Analog;

/// <summary>ADS1115 address-pointer values (datasheet SBAS444, table 6); every register is 16 bits, MSB first.</summary>
internal enum Ads1115Register : byte
{
    Conversion = 0b00,
    Config = 0b01,
}
