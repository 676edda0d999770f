using System.Device.Spi;

namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>An <see cref="SpiDevice"/> that decodes the ADXL345's R/W + MB + address byte for a register-map chip.</summary>
public sealed class FakeAdxl345SpiDevice(RegisterMapChip chip) : SpiDevice
{
    public override SpiConnectionSettings ConnectionSettings { get; } = new(0, 0) { Mode = SpiMode.Mode3 };

    public override byte ReadByte() => throw new NotSupportedException("The ADXL345 always starts with a command byte.");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("The ADXL345 always starts with a command byte.");

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Assert.Equal(0, buffer[0] & 0x80);
        var register = (byte)(buffer[0] & 0x3F);
        for (var i = 1; i < buffer.Length; i++)
        {
            chip.WriteRegister((byte)(register + i - 1), buffer[i]);
        }
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        var command = writeBuffer[0];
        Assert.NotEqual(0, command & 0x80);
        Assert.Equal(writeBuffer.Length > 2, (command & 0x40) != 0);
        readBuffer[0] = 0;
        chip.ReadBurst((byte)(command & 0x3F), readBuffer[1..]);
    }
}
