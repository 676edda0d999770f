namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>
/// A chip as a map of 8-bit registers behind an auto-incrementing address pointer (the BME280 and
/// ADXL345 convention): a write sets the pointer and stores any following bytes; a read streams
/// from the pointer. Registers may have read and write handlers for side effects (FIFOs, resets).
/// </summary>
public class RegisterMapChip : IFakeI2cChip
{
    private readonly byte[] _registers = new byte[256];
    private readonly Dictionary<byte, Func<byte>> _readHandlers = [];
    private readonly Dictionary<byte, Action<byte>> _writeHandlers = [];
    private byte _pointer;

    public List<(byte Register, byte Value)> Writes { get; } = [];

    public byte this[byte register]
    {
        get => _registers[register];
        set => _registers[register] = value;
    }

    public void Load(byte firstRegister, ReadOnlySpan<byte> values) => values.CopyTo(_registers.AsSpan(firstRegister));

    public void OnRead(byte register, Func<byte> handler) => _readHandlers[register] = handler;

    public void OnWrite(byte register, Action<byte> handler) => _writeHandlers[register] = handler;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _pointer = data[0];
        foreach (var value in data[1..])
        {
            WriteRegister(_pointer++, value);
        }
    }

    public void Read(Span<byte> destination) => ReadBurst(_pointer, destination);

    /// <summary>A burst read starting at <paramref name="register"/>; overridable for chips whose bursts have side effects.</summary>
    public virtual void ReadBurst(byte register, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadRegister((byte)(register + i));
        }

        _pointer = (byte)(register + destination.Length);
    }

    public void WriteRegister(byte register, byte value)
    {
        Writes.Add((register, value));
        if (_writeHandlers.TryGetValue(register, out var handler))
        {
            handler(value);
        }
        else
        {
            _registers[register] = value;
        }
    }

    private byte ReadRegister(byte register) =>
        _readHandlers.TryGetValue(register, out var handler) ? handler() : _registers[register];
}
