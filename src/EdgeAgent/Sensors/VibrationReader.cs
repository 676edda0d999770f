using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Features;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>
/// Collects one window at the accelerometer's full rate (draining its FIFO every half-FIFO period)
/// and publishes the window's features instead of the raw samples.
/// </summary>
public sealed class VibrationReader(ISensorDeviceFactory factory, IOptions<EdgeAgentOptions> options, TimeProvider timeProvider) : ISensorReader
{
    private const int HalfFifo = 16;
    private const int MaxIdlePolls = 50;

    private IAccelerometer? _accelerometer;
    private int _openedAtHz;

    public string Name => SensorNames.Vibration;

    public async Task ReadAsync(AgentSettings settings, IDictionary<string, double> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(readings);
        var rate = settings.Vibration.SampleRateHz;
        if (_accelerometer is null || _openedAtHz != rate)
        {
            Close();
            _accelerometer = factory.OpenAccelerometer(rate);
            _openedAtHz = rate;
        }

        var window = await CollectAsync(_accelerometer, settings.Vibration.WindowSize, cancellationToken);
        var vibration = options.Value.Sensors.Vibration;
        var axis = Array.ConvertAll(window, a => vibration.Axis switch
        {
            VibrationAxis.X => a.XG,
            VibrationAxis.Y => a.YG,
            _ => a.ZG,
        });
        var features = VibrationFeatureExtractor.Extract(axis, _accelerometer.SampleRateHz, vibration.Bands);
        foreach (var (name, value) in features.ToReadings())
        {
            readings[name] = value;
        }
    }

    public void Close()
    {
        _accelerometer?.Dispose();
        _accelerometer = null;
    }

    public void Dispose() => Close();

    private async Task<Acceleration[]> CollectAsync(IAccelerometer accelerometer, int size, CancellationToken cancellationToken)
    {
        var window = new Acceleration[size];
        var poll = TimeSpan.FromSeconds(HalfFifo / accelerometer.SampleRateHz);
        accelerometer.Restart();
        var collected = 0;
        var idlePolls = 0;
        while (collected < size)
        {
            var read = accelerometer.ReadAvailable(window.AsSpan(collected));
            collected += read;
            idlePolls = read == 0 ? idlePolls + 1 : 0;
            if (idlePolls > MaxIdlePolls)
            {
                throw new IOException($"The accelerometer delivered no samples for {MaxIdlePolls} polls ({collected} of {size} collected).");
            }

            if (collected < size && read < HalfFifo)
            {
                await Task.Delay(poll, timeProvider, cancellationToken);
            }
        }

        return window;
    }
}
