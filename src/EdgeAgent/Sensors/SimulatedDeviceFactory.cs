using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Simulated;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>Simulations of every sensor (<c>EdgeAgent:Sensors:Simulated=true</c>), seeded from the device id so runs repeat.</summary>
public sealed class SimulatedDeviceFactory(IOptions<EdgeAgentOptions> options, TimeProvider timeProvider) : ISensorDeviceFactory
{
    private int Seed => StringComparer.Ordinal.GetHashCode(options.Value.DeviceId);

    public IEnvironmentSensor OpenEnvironment() => new SimulatedEnvironmentSensor(timeProvider, Seed);

    public IAccelerometer OpenAccelerometer(int sampleRateHz) => new SimulatedAccelerometer(sampleRateHz, Seed);

    public IAnalogInput OpenAnalog() => new SimulatedAnalogInput(Seed);

    public IReadOnlyList<NamedDigitalInput> OpenDigitalInputs()
    {
        var configured = options.Value.Sensors.Digital.Inputs;
        var inputs = configured.Count > 0 ? configured : DigitalInputOptions.Defaults;
        return inputs.Select(i => new NamedDigitalInput(i.Name, new SimulatedDigitalInput(isActive: true))).ToList();
    }
}
