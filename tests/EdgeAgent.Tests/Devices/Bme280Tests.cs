using WorkOrders.EdgeAgent.Devices.Climate;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

public sealed class Bme280Tests
{
    [Fact]
    public void CompensatesTemperatureAndPressure_AsTheDatasheetExample()
    {
        using var sensor = new Bme280(new FakeI2cDevice(new SimulatedBme280()));

        var reading = sensor.Read();

        // Datasheet: adc_T 519888 → 25.08 °C; adc_P 415148 → 100653.27 Pa (the 64-bit integer formula gives 100653.25).
        Assert.Equal(25.08, reading.TemperatureCelsius, 10);
        Assert.Equal(100653.27, reading.PressureHectopascals * 100, 0.05);
    }

    [Fact]
    public void CompensatesHumidity_AsTheDatasheetFormula()
    {
        using var sensor = new Bme280(new FakeI2cDevice(new SimulatedBme280()));

        var reading = sensor.Read();

        // Section 8.1's double-precision formula gives 55.0007 %RH for adc_H 30000 at t_fine 128422.
        Assert.Equal(55.00, reading.HumidityPercent, 0.01);
    }

    [Fact]
    public void ConfiguresHumidityBeforeMeasurement_SoTheHumiditySettingTakesEffect()
    {
        var chip = new SimulatedBme280();

        using var sensor = new Bme280(new FakeI2cDevice(chip));

        var order = chip.Writes.Select(w => w.Register).ToList();
        Assert.True(order.IndexOf(0xF2) < order.IndexOf(0xF4));
        Assert.Equal(0b001_001_11, chip[0xF4]);
        Assert.Equal(0b001, chip[0xF2]);
    }

    [Fact]
    public void Throws_NamingTheAddress_WhenNoChipAnswers()
    {
        var absent = new FakeI2cDevice(chip: null, busId: 1, address: 0x77);

        var error = Assert.Throws<IOException>(() => new Bme280(absent));

        Assert.Contains("121", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_NamingTheAddress_WhenTheChipIdIsWrong()
    {
        var error = Assert.Throws<IOException>(() => new Bme280(new FakeI2cDevice(new GarbageChip(), 1, 0x76)));

        Assert.Contains("address 0x76", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_WhenTheCalibrationIsBlank()
    {
        var chip = new SimulatedBme280();
        chip.EraseCalibration();

        Assert.Throws<IOException>(() => new Bme280(new FakeI2cDevice(chip)));
    }

    [Fact]
    public void ReadThrows_WhenTheMeasurementWasSkipped()
    {
        var chip = new SimulatedBme280();
        using var sensor = new Bme280(new FakeI2cDevice(chip));
        chip.SetRaw(adcT: 0x80000, adcP: 0x80000, adcH: 0x8000);

        Assert.Throws<IOException>(() => sensor.Read());
    }

    [Fact]
    public void ReadThrows_WhenTheChipStartsAnsweringNonsense()
    {
        var chip = new SimulatedBme280();
        using var sensor = new Bme280(new FakeI2cDevice(chip));
        chip.SetRaw(adcT: 0xFFFFF, adcP: 0x00001, adcH: 0xFFFF);

        Assert.Throws<IOException>(() => sensor.Read());
    }
}
