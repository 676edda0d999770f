using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Vibration;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Devices;

public sealed class Adxl345Tests
{
    public static TheoryData<string> Buses => ["i2c", "spi"];

    [Theory]
    [MemberData(nameof(Buses))]
    public void ScalesFifoSamples_At256LsbPerG(string bus)
    {
        var chip = new SimulatedAdxl345();
        using var accelerometer = Create(bus, chip);
        chip.Enqueue(256, -256, 512);
        chip.Enqueue(0, 1, -4096);
        var samples = new Acceleration[8];

        var count = accelerometer.ReadAvailable(samples);

        Assert.Equal(2, count);
        Assert.Equal(new Acceleration(1, -1, 2), samples[0]);
        Assert.Equal(new Acceleration(0, 0.00390625, -16), samples[1]);
    }

    [Theory]
    [MemberData(nameof(Buses))]
    public void ConfiguresRateRangeAndStreamFifo_ThenMeasures(string bus)
    {
        var chip = new SimulatedAdxl345();

        using var accelerometer = Create(bus, chip);

        Assert.Equal(0x0E, chip[0x2C]);
        Assert.Equal(0b0000_1011, chip[0x31]);
        Assert.Equal(0b1000_0000, chip[0x38]);
        Assert.Equal(0x08, chip[0x2D]);
        Assert.Equal((0x2D, 0x08), chip.Writes[^1]);
    }

    [Fact]
    public void ReadsNoMoreThanTheDestinationHolds()
    {
        var chip = new SimulatedAdxl345();
        using var accelerometer = Create("i2c", chip);
        for (short i = 0; i < 20; i++)
        {
            chip.Enqueue(i, i, i);
        }

        var count = accelerometer.ReadAvailable(new Acceleration[5]);

        Assert.Equal(5, count);
        Assert.Equal(15, chip.Buffered);
    }

    [Fact]
    public void Restart_ClearsTheFifo()
    {
        var chip = new SimulatedAdxl345();
        using var accelerometer = Create("i2c", chip);
        chip.Enqueue(1, 2, 3);

        accelerometer.Restart();

        Assert.Equal(0, accelerometer.ReadAvailable(new Acceleration[4]));
        Assert.Equal(0b1000_0000, chip[0x38]);
    }

    [Fact]
    public void Throws_WhenTheDeviceIdIsWrong()
    {
        var error = Assert.Throws<IOException>(() => new Adxl345(new FakeI2cDevice(new GarbageChip(0x00), 1, 0x53), 1600, 16));

        Assert.Contains("address 0x53", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_WhenNoChipAnswers()
    {
        Assert.Throws<IOException>(() => new Adxl345(new FakeI2cDevice(null, 1, 0x53), 1600, 16));
    }

    [Fact]
    public void ReadThrows_WhenTheFifoStatusIsImpossible()
    {
        var chip = new SimulatedAdxl345();
        using var accelerometer = Create("i2c", chip);
        chip.OnRead(0x39, () => 0x3F);

        Assert.Throws<IOException>(() => accelerometer.ReadAvailable(new Acceleration[64]));
    }

    [Fact]
    public void RejectsUnsupportedRateOrRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adxl345(new FakeI2cDevice(new SimulatedAdxl345()), 1234, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adxl345(new FakeI2cDevice(new SimulatedAdxl345()), 1600, 3));
    }

    private static Adxl345 Create(string bus, SimulatedAdxl345 chip) => bus == "spi"
        ? new Adxl345(new FakeAdxl345SpiDevice(chip), 1600, 16)
        : new Adxl345(new FakeI2cDevice(chip, 1, 0x53), 1600, 16);
}
