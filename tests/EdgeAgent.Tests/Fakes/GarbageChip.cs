namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>A chip that acknowledges but answers every read with the same byte (a floating bus reads 0xFF).</summary>
public sealed class GarbageChip(byte value = 0xFF) : IFakeI2cChip
{
    public void Write(ReadOnlySpan<byte> data)
    {
    }

    public void Read(Span<byte> destination) => destination.Fill(value);
}
