using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.EdgeAgent.Sensors;

namespace WorkOrders.EdgeAgent.Tests.Fakes;

/// <summary>An interface-level sensor: gives fixed readings, or throws what the test tells it to.</summary>
public sealed class FakeSensorReader(string name, IReadOnlyDictionary<string, double> readings) : ISensorReader
{
    public string Name => name;

    public Exception? Failure { get; set; }

    public int Reads { get; private set; }

    public int Closes { get; private set; }

    public Task ReadAsync(AgentSettings settings, IDictionary<string, double> into, CancellationToken cancellationToken)
    {
        Reads++;
        if (Failure is not null)
        {
            into["partial_before_failure"] = 1;
            throw Failure;
        }

        foreach (var (key, value) in readings)
        {
            into[key] = value;
        }

        return Task.CompletedTask;
    }

    public void Close() => Closes++;

    public void Dispose()
    {
    }
}
