using System.Device.I2c;
using System.Device.Spi;
using System.Globalization;

namespace WorkOrders.EdgeAgent.Devices.Bus;

/// <summary>Human-readable bus locations for error messages and health reports.</summary>
public static class DeviceLocation
{
    public static string Of(I2cDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var settings = device.ConnectionSettings;
        return string.Create(CultureInfo.InvariantCulture, $"I2C bus {settings.BusId}, address 0x{settings.DeviceAddress:X2}");
    }

    public static string Of(SpiDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var settings = device.ConnectionSettings;
        return string.Create(CultureInfo.InvariantCulture, $"SPI bus {settings.BusId}, chip select {settings.ChipSelectLine}");
    }
}
