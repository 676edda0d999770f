using System.Buffers.Binary;
using System.Device.I2c;
using System.Device.Spi;
using WorkOrders.EdgeAgent.Devices.Bus;

namespace WorkOrders.EdgeAgent.Devices.Vibration;

/// <summary>
/// Analog Devices ADXL345 in full-resolution mode with its 32-entry FIFO in stream mode, so the
/// host collects high-rate windows in bursts instead of polling every sample. SPI (mode 3, up to
/// 5 MHz) keeps up with 3200 Hz; I2C at 400 kHz is good to about 800 Hz.
/// </summary>
public sealed class Adxl345 : IAccelerometer
{
    public const byte DefaultI2cAddress = 0x53;
    public const byte DeviceId = 0xE5;

    /// <summary>Full resolution keeps 256 LSB/g at every range (datasheet table 1, sensitivity, and DATA_FORMAT FULL_RES).</summary>
    public const double GPerLsb = 1.0 / 256.0;

    /// <summary>FIFO entries plus the output registers (datasheet, FIFO_STATUS: up to 33 entries).</summary>
    public const int MaxBufferedSamples = 33;

    private const byte Measure = 0x08;
    private const byte Standby = 0x00;
    private const byte FullResolution = 0x08;
    private const byte FifoBypass = 0x00;
    private const byte FifoStream = 0b10 << 6;
    private const int SampleBytes = 6;

    private readonly IRegisterBus _bus;

    public Adxl345(I2cDevice device, int sampleRateHz, int rangeG)
        : this(new I2cRegisterBus(device ?? throw new ArgumentNullException(nameof(device))), sampleRateHz, rangeG)
    {
    }

    public Adxl345(SpiDevice device, int sampleRateHz, int rangeG)
        : this(new Adxl345SpiBus(device ?? throw new ArgumentNullException(nameof(device))), sampleRateHz, rangeG)
    {
    }

    internal Adxl345(IRegisterBus bus, int sampleRateHz, int rangeG)
    {
        _bus = bus;
        var rateCode = Adxl345DataRate.CodeFor(sampleRateHz);
        var rangeCode = RangeCode(rangeG);
        Span<byte> id = stackalloc byte[1];
        _bus.Read((byte)Adxl345Register.DeviceId, id);
        if (id[0] != DeviceId)
        {
            throw new IOException($"No ADXL345 at {_bus.Location}: device id 0x{id[0]:X2}, expected 0x{DeviceId:X2}.");
        }

        SampleRateHz = sampleRateHz;
        _bus.Write((byte)Adxl345Register.PowerControl, Standby);
        _bus.Write((byte)Adxl345Register.BandwidthRate, rateCode);
        _bus.Write((byte)Adxl345Register.DataFormat, (byte)(FullResolution | rangeCode));
        _bus.Write((byte)Adxl345Register.FifoControl, FifoStream);
        _bus.Write((byte)Adxl345Register.PowerControl, Measure);
    }

    public double SampleRateHz { get; }

    /// <summary>Samples lost because the FIFO overflowed since the last restart (the OVERRUN interrupt bit).</summary>
    public bool Overrun { get; private set; }

    public void Restart()
    {
        // Leaving stream mode for bypass clears the FIFO (datasheet, "Bypass mode").
        _bus.Write((byte)Adxl345Register.FifoControl, FifoBypass);
        _bus.Write((byte)Adxl345Register.FifoControl, FifoStream);
        Overrun = false;
    }

    public int ReadAvailable(Span<Acceleration> destination)
    {
        Span<byte> status = stackalloc byte[1];
        _bus.Read((byte)Adxl345Register.FifoStatus, status);
        var entries = status[0] & 0x3F;
        if (entries > MaxBufferedSamples)
        {
            throw new IOException($"The ADXL345 at {_bus.Location} reports {entries} FIFO entries; it holds at most {MaxBufferedSamples}.");
        }

        _bus.Read((byte)Adxl345Register.InterruptSource, status);
        Overrun |= (status[0] & 0x01) != 0;

        var count = Math.Min(entries, destination.Length);
        Span<byte> raw = stackalloc byte[SampleBytes];
        for (var i = 0; i < count; i++)
        {
            // One 6-byte burst from DATAX0 pops one FIFO entry (datasheet, "Retrieving data from FIFO").
            _bus.Read((byte)Adxl345Register.DataX0, raw);
            destination[i] = Decode(raw);
        }

        return count;
    }

    public void Dispose()
    {
        try
        {
            _bus.Write((byte)Adxl345Register.PowerControl, Standby);
        }
        catch (IOException)
        {
            // The chip may be the reason we are disposing it.
        }

        _bus.Dispose();
    }

    internal static Acceleration Decode(ReadOnlySpan<byte> raw) => new(
        BinaryPrimitives.ReadInt16LittleEndian(raw[0..]) * GPerLsb,
        BinaryPrimitives.ReadInt16LittleEndian(raw[2..]) * GPerLsb,
        BinaryPrimitives.ReadInt16LittleEndian(raw[4..]) * GPerLsb);

    private static byte RangeCode(int rangeG) => rangeG switch
    {
        2 => 0b00,
        4 => 0b01,
        8 => 0b10,
        16 => 0b11,
        _ => throw new ArgumentOutOfRangeException(nameof(rangeG), rangeG, "Supported: 2, 4, 8, 16 g."),
    };
}
