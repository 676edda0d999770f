using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Simulators.Tests;

/// <summary>Runs a model for a while and keeps every sample of every device.</summary>
internal sealed class Series
{
    private Series(IReadOnlyDictionary<string, List<TelemetrySampleMessage>> samples) => Samples = samples;

    public IReadOnlyDictionary<string, List<TelemetrySampleMessage>> Samples { get; }

    public static Series Run(Scenario scenario, TimeSpan simulated)
    {
        var model = new FleetModel(scenario);
        var samples = model.Devices.ToDictionary(d => d.DeviceId, _ => new List<TelemetrySampleMessage>());
        var steps = (long)(simulated / scenario.PublishInterval);
        for (var i = 0; i < steps; i++)
        {
            foreach (var (deviceId, sample) in model.Step())
            {
                samples[deviceId].Add(sample);
            }
        }

        return new Series(samples);
    }

    public List<TelemetrySampleMessage> Of(string deviceId) => Samples[deviceId];

    /// <summary>Mean of a reading over the samples in [from, to), ignoring dropouts.</summary>
    public double Mean(string deviceId, string reading, DateTimeOffset from, DateTimeOffset to)
    {
        var values = Of(deviceId)
            .Where(s => s.Ts >= from && s.Ts < to && s.Readings!.ContainsKey(reading))
            .Select(s => s.Readings![reading])
            .ToList();
        Assert.NotEmpty(values);
        return values.Average();
    }
}
