namespace WorkOrders.EdgeAgent.Devices;

/// <summary>Ambient conditions next to the machine: a BME280, or a simulation.</summary>
public interface IEnvironmentSensor : IDisposable
{
    /// <summary>Reads the latest measurement; throws <see cref="IOException"/> when the chip is gone or answers nonsense.</summary>
    EnvironmentReading Read();
}

public readonly record struct EnvironmentReading(double TemperatureCelsius, double HumidityPercent, double PressureHectopascals);
