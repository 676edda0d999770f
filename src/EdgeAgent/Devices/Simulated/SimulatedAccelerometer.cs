namespace WorkOrders.EdgeAgent.Devices.Simulated;

/// <summary>
/// A motor at 1480 rpm: 1× and 2× running speed, a bearing tone, gravity on Z and white noise.
/// Samples are generated on demand, as if the FIFO were always full, so windows complete at once.
/// </summary>
public sealed class SimulatedAccelerometer(double sampleRateHz, int seed) : IAccelerometer
{
    private const double RunningSpeedHz = 1480 / 60.0;
    private const double BearingToneHz = 137.5;

    private readonly Random _noise = new(seed);
    private long _index;

    public double SampleRateHz => sampleRateHz;

    public void Restart()
    {
    }

    public int ReadAvailable(Span<Acceleration> destination)
    {
        var count = Math.Min(destination.Length, Vibration.Adxl345.MaxBufferedSamples);
        for (var i = 0; i < count; i++)
        {
            var t = _index++ / sampleRateHz;
            var z = 0.12 * Math.Sin(2 * Math.PI * RunningSpeedHz * t)
                + 0.05 * Math.Sin(2 * Math.PI * 2 * RunningSpeedHz * t)
                + 0.02 * Math.Sin(2 * Math.PI * BearingToneHz * t)
                + Noise(0.01);
            destination[i] = new Acceleration(Noise(0.02), Noise(0.02), 1 + z);
        }

        return count;
    }

    public void Dispose()
    {
    }

    private double Noise(double amplitude) => (_noise.NextDouble() * 2 - 1) * amplitude;
}
