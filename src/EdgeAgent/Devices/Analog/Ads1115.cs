using System.Buffers.Binary;
using System.Device.I2c;

namespace WorkOrders.EdgeAgent.Devices.Analog;

/// <summary>
/// TI ADS1115, 16-bit delta-sigma ADC, in single-shot mode: each read writes the config register
/// with OS = 1, waits one conversion period and polls OS until the conversion is done.
/// Current clamps and pressure transducers are scaled from volts by the agent, not here.
/// </summary>
public sealed class Ads1115 : IAnalogInput
{
    public const byte DefaultAddress = 0x48;

    private const ushort StartSingleShot = 0x8000;
    private const ushort SingleShotMode = 0x0100;
    private const ushort ComparatorDisabled = 0b11;
    private const int MaxPolls = 10;

    private readonly I2cDevice _device;
    private readonly TimeProvider _timeProvider;
    private readonly ushort _dataRateBits;
    private readonly TimeSpan _conversionTime;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Ads1115(I2cDevice device, int dataRateSps, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _device = device;
        _timeProvider = timeProvider;
        _dataRateBits = (ushort)(Ads1115DataRate.CodeFor(dataRateSps) << 5);
        // One period, plus 10 % for the internal oscillator's tolerance (datasheet 7.5, DR accuracy).
        _conversionTime = TimeSpan.FromSeconds(1.1 / dataRateSps);

        // There is no id register: write an idle configuration and check that it reads back.
        var idle = Config(new AnalogChannel(AnalogInputMux.Ain0, AnalogFullScale.Volts2_048), start: false);
        WriteRegister(Ads1115Register.Config, idle);
        var readBack = ReadRegister(Ads1115Register.Config);
        if ((readBack & 0x7FFF) != (idle & 0x7FFF))
        {
            throw new IOException($"No ADS1115 at {Bus.DeviceLocation.Of(device)}: config reads back 0x{readBack:X4}, wrote 0x{idle:X4}.");
        }
    }

    /// <summary>The voltage of one LSB (datasheet table 3): full scale / 2^15.</summary>
    public static double VoltsPerLsb(AnalogFullScale fullScale) => fullScale.Volts() / 32768.0;

    /// <summary>Converts a raw two's-complement code to volts (datasheet table 4, "Output codes").</summary>
    public static double ToVolts(short code, AnalogFullScale fullScale) => code * VoltsPerLsb(fullScale);

    public async Task<double> ReadVoltsAsync(AnalogChannel channel, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            WriteRegister(Ads1115Register.Config, Config(channel, start: true));
            for (var poll = 0; poll < MaxPolls; poll++)
            {
                await Task.Delay(_conversionTime, _timeProvider, cancellationToken);
                if ((ReadRegister(Ads1115Register.Config) & StartSingleShot) != 0)
                {
                    return ToVolts((short)ReadRegister(Ads1115Register.Conversion), channel.FullScale);
                }
            }

            throw new IOException($"The ADS1115 at {Bus.DeviceLocation.Of(_device)} never finished a conversion.");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _device.Dispose();
    }

    private ushort Config(AnalogChannel channel, bool start) => (ushort)(
        (start ? StartSingleShot : 0)
        | ((int)channel.Input << 12)
        | ((int)channel.FullScale << 9)
        | SingleShotMode
        | _dataRateBits
        | ComparatorDisabled);

    private void WriteRegister(Ads1115Register register, ushort value)
    {
        Span<byte> frame = stackalloc byte[3];
        frame[0] = (byte)register;
        BinaryPrimitives.WriteUInt16BigEndian(frame[1..], value);
        _device.Write(frame);
    }

    private ushort ReadRegister(Ads1115Register register)
    {
        ReadOnlySpan<byte> pointer = [(byte)register];
        Span<byte> value = stackalloc byte[2];
        _device.WriteRead(pointer, value);
        return BinaryPrimitives.ReadUInt16BigEndian(value);
    }
}
