using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>temperature_c, humidity_pct, pressure_hpa.</summary>
public sealed class EnvironmentReader(ISensorDeviceFactory factory) : ISensorReader
{
    private IEnvironmentSensor? _sensor;

    public string Name => SensorNames.Environment;

    public Task ReadAsync(AgentSettings settings, IDictionary<string, double> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        _sensor ??= factory.OpenEnvironment();
        var reading = _sensor.Read();
        readings["temperature_c"] = reading.TemperatureCelsius;
        readings["humidity_pct"] = reading.HumidityPercent;
        readings["pressure_hpa"] = reading.PressureHectopascals;
        return Task.CompletedTask;
    }

    public void Close()
    {
        _sensor?.Dispose();
        _sensor = null;
    }

    public void Dispose() => Close();
}
