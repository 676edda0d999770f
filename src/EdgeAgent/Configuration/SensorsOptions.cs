using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Digital;

namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>The <c>EdgeAgent:Sensors</c> section: which chips sit where on the board.</summary>
public sealed class SensorsOptions
{
    /// <summary>Simulate every sensor, so the agent runs on any machine.</summary>
    public bool Simulated { get; set; }

    public int I2cBusId { get; set; } = 1;

    /// <summary>How long a faulted sensor is left alone before it is opened again.</summary>
    public int RetryFaultedAfterMs { get; set; } = 30_000;

    public EnvironmentSensorOptions Environment { get; set; } = new();

    public VibrationSensorOptions Vibration { get; set; } = new();

    public AnalogSensorOptions Analog { get; set; } = new();

    public DigitalSensorOptions Digital { get; set; } = new();
}

public sealed class EnvironmentSensorOptions
{
    public bool Enabled { get; set; } = true;

    public int Address { get; set; } = 0x76;
}

public sealed class VibrationSensorOptions
{
    public bool Enabled { get; set; } = true;

    public VibrationBus Bus { get; set; } = VibrationBus.Spi;

    public int I2cAddress { get; set; } = 0x53;

    public int SpiBusId { get; set; }

    public int SpiChipSelect { get; set; }

    public int SampleRateHz { get; set; } = 1600;

    public int RangeG { get; set; } = 16;

    public int WindowSize { get; set; } = 1024;

    public int Bands { get; set; } = 8;

    public VibrationAxis Axis { get; set; } = VibrationAxis.Z;
}

public enum VibrationBus
{
    Spi,
    I2c,
}

public enum VibrationAxis
{
    X,
    Y,
    Z,
}

public sealed class AnalogSensorOptions
{
    public bool Enabled { get; set; } = true;

    public int Address { get; set; } = 0x48;

    public int DataRateSps { get; set; } = 128;

    /// <summary>Empty means the two channels of <see cref="AnalogChannelOptions.Defaults"/>.</summary>
    public List<AnalogChannelOptions> Channels { get; set; } = [];
}

public sealed class AnalogChannelOptions
{
    public string Name { get; set; } = "";

    public AnalogInputMux Input { get; set; } = AnalogInputMux.Ain0;

    public AnalogFullScale FullScale { get; set; } = AnalogFullScale.Volts4_096;

    /// <summary>Engineering units per volt (a 30 A / 1 V clamp: 30).</summary>
    public double Scale { get; set; } = 1;

    public double Offset { get; set; }

    /// <summary>A current clamp on AIN0 (20 A/V) and a 0.5–4.5 V, 0–10 bar transducer on AIN1.</summary>
    public static IReadOnlyList<AnalogChannelOptions> Defaults { get; } =
    [
        new() { Name = "current_a", Input = AnalogInputMux.Ain0, FullScale = AnalogFullScale.Volts2_048, Scale = 20 },
        new() { Name = "pressure_bar", Input = AnalogInputMux.Ain1, FullScale = AnalogFullScale.Volts6_144, Scale = 2.5, Offset = -1.25 },
    ];
}

public sealed class DigitalSensorOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Empty means one input: <c>running</c> on GPIO 17, pulled up, active low.</summary>
    public List<DigitalInputOptions> Inputs { get; set; } = [];
}

public sealed class DigitalInputOptions
{
    public string Name { get; set; } = "";

    public int Pin { get; set; }

    public DigitalInputPull Pull { get; set; } = DigitalInputPull.Up;

    public bool ActiveLow { get; set; } = true;

    public int DebounceMs { get; set; } = 50;

    public static IReadOnlyList<DigitalInputOptions> Defaults { get; } = [new() { Name = "running", Pin = 17 }];
}
