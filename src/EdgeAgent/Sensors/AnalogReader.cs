using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>Each configured ADC channel, scaled from volts to its unit (current_a, pressure_bar, …).</summary>
public sealed class AnalogReader(ISensorDeviceFactory factory, IOptions<EdgeAgentOptions> options) : ISensorReader
{
    private IAnalogInput? _adc;

    public string Name => SensorNames.Analog;

    public async Task ReadAsync(AgentSettings settings, IDictionary<string, double> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var channels = options.Value.Sensors.Analog.Channels is { Count: > 0 } configured ? configured : AnalogChannelOptions.Defaults;
        _adc ??= factory.OpenAnalog();
        foreach (var channel in channels)
        {
            var volts = await _adc.ReadVoltsAsync(new AnalogChannel(channel.Input, channel.FullScale), cancellationToken);
            readings[channel.Name] = volts * channel.Scale + channel.Offset;
        }
    }

    public void Close()
    {
        _adc?.Dispose();
        _adc = null;
    }

    public void Dispose() => Close();
}
