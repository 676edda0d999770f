using System.Device.I2c;

namespace WorkOrders.EdgeAgent.Devices.Bus;

/// <summary>8-bit registers behind an I2C address that auto-increments on burst reads.</summary>
internal sealed class I2cRegisterBus(I2cDevice device) : IRegisterBus
{
    public string Location => DeviceLocation.Of(device);

    public void Read(byte register, Span<byte> destination)
    {
        ReadOnlySpan<byte> address = [register];
        device.WriteRead(address, destination);
    }

    public void Write(byte register, byte value)
    {
        ReadOnlySpan<byte> frame = [register, value];
        device.Write(frame);
    }

    public void Dispose() => device.Dispose();
}
