using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>
/// One sensor group as the sampling loop sees it: it adds its readings (names with units) to a sample.
/// Opening the hardware is its own business; after a fault the loop calls <see cref="Close"/> and
/// the next read opens it again.
/// </summary>
public interface ISensorReader : IDisposable
{
    /// <summary>One of <see cref="SensorNames"/>.</summary>
    string Name { get; }

    Task ReadAsync(AgentSettings settings, IDictionary<string, double> readings, CancellationToken cancellationToken);

    void Close();
}
