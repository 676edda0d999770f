namespace WorkOrders.EdgeAgent.Devices.Simulated;

/// <summary>A plant room that warms by day and cools by night, with a little sensor noise.</summary>
public sealed class SimulatedEnvironmentSensor(TimeProvider timeProvider, int seed) : IEnvironmentSensor
{
    private readonly Random _noise = new(seed);

    public EnvironmentReading Read()
    {
        var hourOfDay = timeProvider.GetUtcNow().TimeOfDay.TotalHours;
        var daily = Math.Sin((hourOfDay - 9) / 24 * 2 * Math.PI);
        return new EnvironmentReading(
            TemperatureCelsius: Math.Round(24 + 3 * daily + Noise(0.05), 2),
            HumidityPercent: Math.Round(45 - 8 * daily + Noise(0.2), 2),
            PressureHectopascals: Math.Round(1013.25 + Noise(0.1), 2));
    }

    public void Dispose()
    {
    }

    private double Noise(double amplitude) => (_noise.NextDouble() * 2 - 1) * amplitude;
}
