using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Faults;
using WorkOrders.Simulators.Physics;

namespace WorkOrders.Simulators;

/// <summary>
/// One device's physics, faults and sensors, advanced one sample at a time. Each step draws the same number of
/// random numbers from the device's own stream whatever its faults, so a fault never changes another device's
/// telemetry, nor this device's noise: a faulty device differs from its healthy twin by the fault alone.
/// </summary>
internal sealed class DeviceSimulation
{
    private const double AgePerDay = 0.01;

    private readonly DeterministicRandom _random;
    private readonly MachinePhysics _physics;
    private readonly AmbientModel _ambient;
    private readonly IReadOnlyList<string> _readings;
    private readonly SensorChannel[] _channels;
    private readonly SensorSpec _sensors;
    private readonly FaultTimeline[] _faults;
    private readonly DateTimeOffset[] _maintenance;
    private readonly double _initialAge;
    private readonly DateTimeOffset _start;
    private readonly Dictionary<string, double> _stuckValues = new(StringComparer.Ordinal);
    private DateTimeOffset? _previous;
    private long _seq;

    public DeviceSimulation(SimulatedDevice device, Scenario scenario, SiteSpec site, IEnumerable<FaultTimeline> faults)
    {
        Device = device;
        _random = DeterministicRandom.For(scenario.Seed, device.DeviceId, "telemetry");
        var setup = DeterministicRandom.For(scenario.Seed, device.DeviceId, "setup");
        _physics = MachinePhysics.For(device.AssetType, loadFactor: 0.85 + (0.2 * setup.NextDouble()));
        _ambient = new AmbientModel(site, DeterministicRandom.For(scenario.Seed, site.Name, "weather").NextDouble() * 2 * Math.PI, (setup.NextDouble() * 4) - 1);
        _initialAge = setup.NextDouble() * 0.1;
        _start = scenario.Start;
        _readings = Readings.For(device.AssetType);
        _channels = [.. _readings.Select(SensorChannel.For)];
        _sensors = scenario.Sensors;
        _faults = [.. faults];
        _maintenance = [.. scenario.Maintenance
            .Where(m => m.Device == device.DeviceId)
            .Select(m => scenario.Start + SimulatedTime.Seconds(m.AtSeconds))
            .Order()];
    }

    public SimulatedDevice Device { get; }

    public TelemetrySampleMessage Sample(DateTimeOffset time)
    {
        var dt = _previous is { } previous ? (time - previous).TotalSeconds : 0;
        _previous = time;

        var draws = (Load: _random.NextGaussian(), Turbulence: _random.NextGaussian());
        Span<double> noise = stackalloc double[_channels.Length];
        Span<double> dropout = stackalloc double[_channels.Length];
        for (var i = 0; i < _channels.Length; i++)
        {
            noise[i] = _random.NextGaussian();
            dropout[i] = _random.NextDouble();
        }

        var state = _physics.Advance(time, dt, _ambient.At(time), Condition(time), Age(time), draws);

        var values = new Dictionary<string, double>(_channels.Length, StringComparer.Ordinal);
        for (var i = 0; i < _channels.Length; i++)
        {
            var channel = _channels[i];
            var measured = channel.Quantise(channel.Measure(SensorTruth(channel, state, time), noise[i], _sensors.NoiseScale));
            measured = Stick(channel.Reading, measured, time);
            if (dropout[i] >= _sensors.DropoutProbability)
            {
                values[channel.Reading] = measured;
            }
        }

        return new TelemetrySampleMessage(++_seq, time, values);
    }

    private MachineCondition Condition(DateTimeOffset time)
    {
        double bearing = 0, misalignment = 0, cavitation = 0, cooling = 0, electrical = 0;
        var failed = false;
        foreach (var fault in _faults)
        {
            if (FaultKinds.IsSensorFault(fault.Kind) || !fault.IsActive(time))
            {
                continue;
            }

            var s = fault.Severity(time);
            failed |= fault.HasFailed(time);
            switch (fault.Kind)
            {
                case FaultKinds.BearingWear: bearing = Math.Max(bearing, s); break;
                case FaultKinds.Misalignment: misalignment = Math.Max(misalignment, s); break;
                case FaultKinds.Cavitation: cavitation = Math.Max(cavitation, s); break;
                case FaultKinds.Overheating: cooling = Math.Max(cooling, s); break;
                case FaultKinds.Electrical: electrical = Math.Max(electrical, s); break;
            }
        }

        return new(bearing, misalignment, cavitation, cooling, electrical, failed);
    }

    /// <summary>Wear of a healthy machine: a little more vibration each day since its last maintenance.</summary>
    private double Age(DateTimeOffset time)
    {
        var since = _maintenance.LastOrDefault(m => m <= time);
        return since == default
            ? _initialAge + (Math.Max(0, (time - _start).TotalDays) * AgePerDay)
            : (time - since).TotalDays * AgePerDay;
    }

    /// <summary>The value the sensor believes: the truth, shifted by a drifting sensor.</summary>
    private double SensorTruth(SensorChannel channel, PhysicalState state, DateTimeOffset time)
    {
        var truth = state.Get(channel.Reading);
        foreach (var fault in _faults)
        {
            if (fault.Kind == FaultKinds.SensorDrift && fault.Channel == channel.Reading && fault.IsActive(time))
            {
                truth += channel.DriftSpan * Math.Min(2, fault.Progress(time));
            }
        }

        return truth;
    }

    /// <summary>A stuck sensor repeats the first value it reported once the fault began, until repaired.</summary>
    private double Stick(string reading, double measured, DateTimeOffset time)
    {
        var stuckNow = _faults.Any(f => f.Kind == FaultKinds.SensorStuck && f.Channel == reading && f.IsActive(time));
        if (!stuckNow)
        {
            _stuckValues.Remove(reading);
            return measured;
        }

        if (_stuckValues.TryGetValue(reading, out var stuck))
        {
            return stuck;
        }

        _stuckValues[reading] = measured;
        return measured;
    }
}
