using System.Device.I2c;

namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>An <see cref="I2cDevice"/> whose far end is a fake chip; null chip = nobody answers (NACK).</summary>
public sealed class FakeI2cDevice(IFakeI2cChip? chip, int busId = 1, int address = 0x76) : I2cDevice
{
    public override I2cConnectionSettings ConnectionSettings { get; } = new(busId, address);

    public bool Disposed { get; private set; }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer) => Chip.Read(buffer);

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer) => Chip.Write(buffer);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Chip.Write(writeBuffer);
        Chip.Read(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    // What System.Device.Gpio's Linux I2C driver throws when the address does not acknowledge.
    private IFakeI2cChip Chip => chip ?? throw new IOException("Error 121 performing I2C data transfer.");
}
