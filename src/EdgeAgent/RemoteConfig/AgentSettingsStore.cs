using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>The settings in force; loops read <see cref="Current"/> and listen to <see cref="Changed"/>.</summary>
public sealed class AgentSettingsStore(IOptions<EdgeAgentOptions> options)
{
    private AgentSettings _current = FromOptions(options.Value);

    public event Action<AgentSettings>? Changed;

    public AgentSettings Current => Volatile.Read(ref _current);

    public void Apply(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Volatile.Write(ref _current, settings);
        Changed?.Invoke(settings);
    }

    public static AgentSettings FromOptions(EdgeAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sensors = options.Sensors;
        return new AgentSettings(
            Version: null,
            SampleIntervalMs: options.SampleIntervalMs,
            PublishIntervalMs: options.PublishIntervalMs,
            HeartbeatIntervalMs: options.HeartbeatIntervalMs,
            Sensors: new SensorSelection(sensors.Environment.Enabled, sensors.Vibration.Enabled, sensors.Analog.Enabled, sensors.Digital.Enabled),
            Vibration: new VibrationSettings(sensors.Vibration.SampleRateHz, sensors.Vibration.WindowSize),
            Calibration: options.Calibration.ToDictionary(c => c.Key, c => new Calibration(c.Value.Scale, c.Value.Offset), StringComparer.Ordinal));
    }
}
