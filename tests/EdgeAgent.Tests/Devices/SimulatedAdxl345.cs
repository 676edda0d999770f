using System.Buffers.Binary;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

/// <summary>A register-level ADXL345: DEVID 0xE5, a 32-entry FIFO (plus the output registers) popped by 6-byte bursts at DATAX0.</summary>
public sealed class SimulatedAdxl345 : RegisterMapChip
{
    private readonly Queue<(short X, short Y, short Z)> _fifo = new();

    public SimulatedAdxl345()
    {
        this[0x00] = 0xE5;
        OnRead(0x39, () => (byte)Math.Min(_fifo.Count, 33));
        OnWrite(0x38, value =>
        {
            this[0x38] = value;
            if (value >> 6 == 0)
            {
                _fifo.Clear();
            }
        });
    }

    public int Buffered => _fifo.Count;

    public void Enqueue(short x, short y, short z) => _fifo.Enqueue((x, y, z));

    public override void ReadBurst(byte register, Span<byte> destination)
    {
        if (register == 0x32 && destination.Length == 6 && _fifo.TryDequeue(out var sample))
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination, sample.X);
            BinaryPrimitives.WriteInt16LittleEndian(destination[2..], sample.Y);
            BinaryPrimitives.WriteInt16LittleEndian(destination[4..], sample.Z);
            return;
        }

        base.ReadBurst(register, destination);
    }
}
