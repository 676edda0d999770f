using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Analog;
using WorkOrders.EdgeAgent.Devices.Climate;
using WorkOrders.EdgeAgent.Devices.Digital;
using WorkOrders.EdgeAgent.Devices.Vibration;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>The real chips, on the buses and addresses of <c>EdgeAgent:Sensors</c>.</summary>
public sealed class HardwareDeviceFactory(IOptions<EdgeAgentOptions> options, TimeProvider timeProvider) : ISensorDeviceFactory, IDisposable
{
    private readonly Lazy<GpioController> _gpio = new(() => new GpioController());

    private SensorsOptions Sensors => options.Value.Sensors;

    public IEnvironmentSensor OpenEnvironment() =>
        Open(I2cDevice.Create(new I2cConnectionSettings(Sensors.I2cBusId, Sensors.Environment.Address)), device => new Bme280(device));

    public IAccelerometer OpenAccelerometer(int sampleRateHz)
    {
        var vibration = Sensors.Vibration;
        if (vibration.Bus == VibrationBus.I2c)
        {
            return Open(I2cDevice.Create(new I2cConnectionSettings(Sensors.I2cBusId, vibration.I2cAddress)), device => new Adxl345(device, sampleRateHz, vibration.RangeG));
        }

        var settings = new SpiConnectionSettings(vibration.SpiBusId, vibration.SpiChipSelect) { Mode = SpiMode.Mode3, ClockFrequency = 5_000_000 };
        return Open(SpiDevice.Create(settings), device => new Adxl345(device, sampleRateHz, vibration.RangeG));
    }

    public IAnalogInput OpenAnalog() =>
        Open(I2cDevice.Create(new I2cConnectionSettings(Sensors.I2cBusId, Sensors.Analog.Address)), device => new Ads1115(device, Sensors.Analog.DataRateSps, timeProvider));

    public IReadOnlyList<NamedDigitalInput> OpenDigitalInputs()
    {
        var configured = Sensors.Digital.Inputs.Count > 0 ? Sensors.Digital.Inputs : DigitalInputOptions.Defaults;
        var opened = new List<NamedDigitalInput>();
        try
        {
            foreach (var input in configured)
            {
                var wiring = new DigitalInputWiring(input.Pull, input.ActiveLow);
                opened.Add(new(input.Name, new DebouncedDigitalInput(_gpio.Value, input.Pin, wiring, TimeSpan.FromMilliseconds(input.DebounceMs), timeProvider)));
            }
        }
        catch
        {
            opened.ForEach(i => i.Input.Dispose());
            throw;
        }

        return opened;
    }

    public void Dispose()
    {
        if (_gpio.IsValueCreated)
        {
            _gpio.Value.Dispose();
        }
    }

    // The binding owns the device once built; until then a failed constructor must not leak it.
    private static TSensor Open<TDevice, TSensor>(TDevice device, Func<TDevice, TSensor> create)
        where TDevice : IDisposable
    {
        try
        {
            return create(device);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }
}
