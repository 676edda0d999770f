using System.Device.I2c;
using WorkOrders.EdgeAgent.Devices.Bus;

namespace WorkOrders.EdgeAgent.Devices.Climate;

/// <summary>
/// Bosch BME280 over I2C (address 0x76 or 0x77). Runs in normal mode with ×1 oversampling and the
/// IIR filter off (the datasheet's "weather monitoring" settings), so a read is one burst of 8 bytes.
/// </summary>
public sealed class Bme280 : IEnvironmentSensor
{
    public const byte DefaultAddress = 0x76;
    public const byte ChipId = 0x60;

    private const byte HumidityOversamplingX1 = 0b001;
    // osrs_t = ×1 (001), osrs_p = ×1 (001), mode = normal (11).
    private const byte MeasurementNormalX1 = (0b001 << 5) | (0b001 << 2) | 0b11;
    // t_sb = 125 ms (010), filter off, 3-wire SPI off.
    private const byte ConfigStandby125Ms = 0b010 << 5;
    // The data registers hold 0x80000 until the first conversion, and when a measurement is skipped.
    private const int Skipped20Bit = 0x80000;
    private const int Skipped16Bit = 0x8000;

    private readonly IRegisterBus _bus;
    private readonly Bme280Calibration _calibration;

    public Bme280(I2cDevice device)
        : this(new I2cRegisterBus(device ?? throw new ArgumentNullException(nameof(device))))
    {
    }

    internal Bme280(IRegisterBus bus)
    {
        _bus = bus;
        Span<byte> id = stackalloc byte[1];
        _bus.Read((byte)Bme280Register.ChipId, id);
        if (id[0] != ChipId)
        {
            throw new IOException($"No BME280 at {_bus.Location}: chip id 0x{id[0]:X2}, expected 0x{ChipId:X2}.");
        }

        Span<byte> tp = stackalloc byte[Bme280Calibration.TemperaturePressureLength];
        Span<byte> h = stackalloc byte[Bme280Calibration.HumidityLength];
        _bus.Read((byte)Bme280Register.CalibrationTemperaturePressure, tp);
        _bus.Read((byte)Bme280Register.CalibrationHumidity, h);
        _calibration = Bme280Calibration.Parse(tp, h);
        if (!_calibration.LooksValid)
        {
            throw new IOException($"The BME280 at {_bus.Location} returned blank calibration data.");
        }

        // ctrl_hum only takes effect after a write to ctrl_meas (datasheet 5.4.3).
        _bus.Write((byte)Bme280Register.Config, ConfigStandby125Ms);
        _bus.Write((byte)Bme280Register.ControlHumidity, HumidityOversamplingX1);
        _bus.Write((byte)Bme280Register.ControlMeasurement, MeasurementNormalX1);
    }

    public EnvironmentReading Read()
    {
        Span<byte> raw = stackalloc byte[8];
        _bus.Read((byte)Bme280Register.PressureMsb, raw);
        var adcP = (raw[0] << 12) | (raw[1] << 4) | (raw[2] >> 4);
        var adcT = (raw[3] << 12) | (raw[4] << 4) | (raw[5] >> 4);
        var adcH = (raw[6] << 8) | raw[7];
        if (adcT == Skipped20Bit || adcP == Skipped20Bit || adcH == Skipped16Bit)
        {
            throw new IOException($"The BME280 at {_bus.Location} has no measurement yet (skipped or still starting).");
        }

        var (tFine, centiCelsius) = Bme280Compensation.Temperature(_calibration, adcT);
        var pressureQ24_8 = Bme280Compensation.Pressure(_calibration, adcP, tFine);
        var humidityQ22_10 = Bme280Compensation.Humidity(_calibration, adcH, tFine);
        var reading = new EnvironmentReading(
            TemperatureCelsius: centiCelsius / 100.0,
            HumidityPercent: humidityQ22_10 / 1024.0,
            PressureHectopascals: pressureQ24_8 / 256.0 / 100.0);
        return IsPlausible(reading)
            ? reading
            : throw new IOException($"The BME280 at {_bus.Location} returned an implausible reading: {reading}.");
    }

    public void Dispose() => _bus.Dispose();

    // The chip's operating range (datasheet table 1): -40..85 °C, 300..1100 hPa, 0..100 %RH.
    private static bool IsPlausible(EnvironmentReading r) =>
        r.TemperatureCelsius is >= -40 and <= 85
        && r.PressureHectopascals is >= 300 and <= 1100
        && r.HumidityPercent is >= 0 and <= 100;
}
