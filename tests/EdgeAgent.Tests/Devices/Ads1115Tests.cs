using Microsoft.Extensions.Time.Testing;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Analog;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

public sealed class Ads1115Tests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    // Datasheet table 4 ("Output codes") at FSR ±2.048 V, and the LSB sizes of table 3.
    [InlineData((short)0x7FFF, AnalogFullScale.Volts2_048, 2.048 * 32767 / 32768)]
    [InlineData((short)0x0001, AnalogFullScale.Volts2_048, 62.5e-6)]
    [InlineData((short)0x0000, AnalogFullScale.Volts2_048, 0.0)]
    [InlineData(unchecked((short)0xFFFF), AnalogFullScale.Volts2_048, -62.5e-6)]
    [InlineData(unchecked((short)0x8000), AnalogFullScale.Volts2_048, -2.048)]
    [InlineData((short)0x0001, AnalogFullScale.Volts6_144, 187.5e-6)]
    [InlineData((short)0x0001, AnalogFullScale.Volts0_256, 7.8125e-6)]
    public void ConvertsCodesToVolts_AsTheDatasheetTables(short code, AnalogFullScale fullScale, double volts)
    {
        Assert.Equal(volts, Ads1115.ToVolts(code, fullScale), 12);
    }

    [Fact]
    public async Task ReadsTheSelectedInput_AtTheSelectedGain()
    {
        var chip = new SimulatedAds1115();
        chip.Volts[AnalogInputMux.Ain1] = 1.0;
        chip.Volts[AnalogInputMux.Ain0] = 3.3;
        using var adc = new Ads1115(new FakeI2cDevice(chip, 1, 0x48), 128, _time);

        var volts = await AdvanceUntilDoneAsync(adc.ReadVoltsAsync(new AnalogChannel(AnalogInputMux.Ain1, AnalogFullScale.Volts4_096)));

        Assert.Equal(1.0, volts, 6);
        // OS=1, MUX=101 (AIN1/GND), PGA=001 (±4.096 V), MODE=1, DR=100 (128 SPS), COMP_QUE=11.
        Assert.Equal(0xD383, chip.ConfigWrites[^1]);
    }

    [Fact]
    public async Task WaitsForTheConversion_WhileTheChipIsBusy()
    {
        var chip = new SimulatedAds1115 { BusyPolls = 2 };
        chip.Volts[AnalogInputMux.Ain0] = -0.5;
        using var adc = new Ads1115(new FakeI2cDevice(chip, 1, 0x48), 860, _time);

        var volts = await AdvanceUntilDoneAsync(adc.ReadVoltsAsync(new AnalogChannel(AnalogInputMux.Ain0, AnalogFullScale.Volts1_024)));

        Assert.Equal(-0.5, volts, 6);
    }

    [Fact]
    public async Task ClipsAtFullScale_LikeTheChip()
    {
        var chip = new SimulatedAds1115();
        chip.Volts[AnalogInputMux.Ain2] = 5.0;
        using var adc = new Ads1115(new FakeI2cDevice(chip, 1, 0x48), 128, _time);

        var volts = await AdvanceUntilDoneAsync(adc.ReadVoltsAsync(new AnalogChannel(AnalogInputMux.Ain2, AnalogFullScale.Volts2_048)));

        Assert.Equal(2.048 * 32767 / 32768, volts, 9);
    }

    [Fact]
    public async Task Throws_WhenTheConversionNeverFinishes()
    {
        var chip = new SimulatedAds1115 { BusyPolls = int.MaxValue };
        using var adc = new Ads1115(new FakeI2cDevice(chip, 1, 0x48), 860, _time);

        await Assert.ThrowsAsync<IOException>(() => AdvanceUntilDoneAsync(adc.ReadVoltsAsync(new AnalogChannel(AnalogInputMux.Ain0, AnalogFullScale.Volts2_048))));
    }

    [Fact]
    public void Throws_NamingTheAddress_WhenTheConfigDoesNotReadBack()
    {
        var error = Assert.Throws<IOException>(() => new Ads1115(new FakeI2cDevice(new GarbageChip(), 1, 0x49), 128, _time));

        Assert.Contains("address 0x49", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_WhenNoChipAnswers()
    {
        Assert.Throws<IOException>(() => new Ads1115(new FakeI2cDevice(null, 1, 0x48), 128, _time));
    }

    private async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task)
    {
        for (var step = 0; step < 10_000 && !task.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        return await task;
    }
}
