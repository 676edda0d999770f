using System.Collections.Concurrent;

namespace WorkOrders.EdgeAgent.Sensors;

/// <summary>Which sensors are faulted, why, and when they will be tried again; heartbeats report it.</summary>
public sealed class SensorHealth
{
    private readonly ConcurrentDictionary<string, SensorFault> _faults = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Faults =>
        _faults.ToDictionary(f => f.Key, f => f.Value.Reason, StringComparer.Ordinal);

    /// <summary>True when the sensor is faulted and its retry time has not come.</summary>
    public bool IsResting(string sensor, DateTimeOffset now) =>
        _faults.TryGetValue(sensor, out var fault) && now < fault.RetryAt;

    /// <summary>Records a fault; true when the sensor was healthy until now.</summary>
    public bool MarkFaulted(string sensor, string reason, DateTimeOffset now, TimeSpan retryAfter)
    {
        var isNew = !_faults.ContainsKey(sensor);
        _faults[sensor] = new SensorFault(reason, now, now + retryAfter);
        return isNew;
    }

    /// <summary>Clears a fault; true when the sensor had been faulted.</summary>
    public bool MarkHealthy(string sensor) => _faults.TryRemove(sensor, out _);
}

public sealed record SensorFault(string Reason, DateTimeOffset Since, DateTimeOffset RetryAt);
