using System.Buffers.Binary;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

/// <summary>
/// A register-level ADS1115: a pointer byte, then 16-bit registers MSB first. Writing OS = 1 starts
/// a single-shot conversion of the voltage the test put on the selected input; the config register
/// reads OS = 0 for <see cref="BusyPolls"/> reads, then 1 with the result in the conversion register.
/// </summary>
public sealed class SimulatedAds1115 : IFakeI2cChip
{
    private readonly ushort[] _registers = [0x0000, 0x8583, 0x8000, 0x7FFF];
    private byte _pointer;
    private int _busyReadsLeft;

    public Dictionary<AnalogInputMux, double> Volts { get; } = [];

    public int BusyPolls { get; set; }

    public List<ushort> ConfigWrites { get; } = [];

    public void Write(ReadOnlySpan<byte> data)
    {
        _pointer = (byte)(data[0] & 0b11);
        if (data.Length < 3)
        {
            return;
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        if (_pointer != 1)
        {
            _registers[_pointer] = value;
            return;
        }

        ConfigWrites.Add(value);
        _registers[1] = (ushort)(value & 0x7FFF);
        if ((value & 0x8000) != 0)
        {
            Convert(value);
        }
        else
        {
            _registers[1] |= 0x8000;
        }
    }

    public void Read(Span<byte> destination)
    {
        var value = _registers[_pointer];
        if (_pointer == 1 && _busyReadsLeft > 0)
        {
            _busyReadsLeft--;
            value &= 0x7FFF;
        }
        else if (_pointer == 1)
        {
            value |= 0x8000;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, value);
    }

    private void Convert(ushort config)
    {
        var input = (AnalogInputMux)((config >> 12) & 0b111);
        var fullScale = ((AnalogFullScale)((config >> 9) & 0b111)).Volts();
        var code = Math.Round(Volts.GetValueOrDefault(input) / fullScale * 32768);
        _registers[0] = (ushort)(short)Math.Clamp(code, short.MinValue, short.MaxValue);
        _busyReadsLeft = BusyPolls;
    }
}
