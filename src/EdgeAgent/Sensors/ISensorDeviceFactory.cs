using WorkOrders.EdgeAgent.Devices;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>Opens the devices on this board, or simulations of them; each call may throw <see cref="IOException"/>.</summary>
public interface ISensorDeviceFactory
{
    IEnvironmentSensor OpenEnvironment();

    IAccelerometer OpenAccelerometer(int sampleRateHz);

    IAnalogInput OpenAnalog();

    IReadOnlyList<NamedDigitalInput> OpenDigitalInputs();
}

public sealed record NamedDigitalInput(string Name, IDigitalInput Input);
