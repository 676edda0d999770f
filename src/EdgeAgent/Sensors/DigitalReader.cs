using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>Each debounced contact as 1 (active) or 0.</summary>
public sealed class DigitalReader(ISensorDeviceFactory factory) : ISensorReader
{
    private IReadOnlyList<NamedDigitalInput>? _inputs;

    public string Name => SensorNames.Digital;

    public Task ReadAsync(AgentSettings settings, IDictionary<string, double> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        _inputs ??= factory.OpenDigitalInputs();
        foreach (var input in _inputs)
        {
            readings[input.Name] = input.Input.IsActive ? 1 : 0;
        }

        return Task.CompletedTask;
    }

    public void Close()
    {
        foreach (var input in _inputs ?? [])
        {
            input.Input.Dispose();
        }

        _inputs = null;
    }

    public void Dispose() => Close();
}
