namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>What a chip does with the bytes of an I2C write and the bytes of an I2C read.</summary>
public interface IFakeI2cChip
{
    void Write(ReadOnlySpan<byte> data);

    void Read(Span<byte> destination);
}
