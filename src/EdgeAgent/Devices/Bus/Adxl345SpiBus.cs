using System.Device.Spi;

namespace WorkOrders.EdgeAgent.Devices.Bus;

/// <summary>
/// The ADXL345's 4-wire SPI framing (datasheet, "Serial communications", SPI): the first byte is
/// R/W (bit 7, 1 = read), MB (bit 6, 1 = multi-byte) and the register address (bits 5:0).
/// </summary>
internal sealed class Adxl345SpiBus(SpiDevice device) : IRegisterBus
{
    private const byte ReadFlag = 0x80;
    private const byte MultiByteFlag = 0x40;
    private const int MaxBurst = 8;

    public string Location => DeviceLocation.Of(device);

    public void Read(byte register, Span<byte> destination)
    {
        if (destination.Length is 0 or > MaxBurst)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, "Reads 1 to 8 registers at a time.");
        }

        Span<byte> transmit = stackalloc byte[destination.Length + 1];
        Span<byte> receive = stackalloc byte[destination.Length + 1];
        transmit.Clear();
        transmit[0] = (byte)(ReadFlag | (destination.Length > 1 ? MultiByteFlag : 0) | (register & 0x3F));
        device.TransferFullDuplex(transmit, receive);
        receive[1..].CopyTo(destination);
    }

    public void Write(byte register, byte value)
    {
        ReadOnlySpan<byte> frame = [(byte)(register & 0x3F), value];
        device.Write(frame);
    }

    public void Dispose() => device.Dispose();
}
