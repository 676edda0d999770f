namespace WorkOrders.EdgeAgent.Devices.Simulated;

/// <summary>
/// Voltages a running pump would show: AIN0 a current clamp (≈1.2 V), AIN1 a 0.5–4.5 V pressure
/// transducer (≈2.1 V), the other inputs near zero; clipped at the selected full scale like the chip.
/// </summary>
public sealed class SimulatedAnalogInput(int seed) : IAnalogInput
{
    private readonly Random _noise = new(seed);
    private readonly Lock _lock = new();

    public Task<double> ReadVoltsAsync(AnalogChannel channel, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var nominal = channel.Input switch
        {
            AnalogInputMux.Ain0 => 1.2,
            AnalogInputMux.Ain1 => 2.1,
            _ => 0.0,
        };
        double noise;
        lock (_lock)
        {
            noise = (_noise.NextDouble() * 2 - 1) * 0.005;
        }

        var limit = channel.FullScale.Volts();
        return Task.FromResult(Math.Round(Math.Clamp(nominal + noise, -limit, limit), 4));
    }

    public void Dispose()
    {
    }
}
