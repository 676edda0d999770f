namespace WorkOrders.EdgeAgent.Devices;

/// <summary>A 3-axis accelerometer that buffers samples in hardware (an ADXL345's FIFO) or simulates them.</summary>
public interface IAccelerometer : IDisposable
{
    /// <summary>The output data rate the chip is running at.</summary>
    double SampleRateHz { get; }

    /// <summary>Discards buffered samples, so the next read starts a fresh window.</summary>
    void Restart();

    /// <summary>Copies up to <c>destination.Length</c> buffered samples, oldest first; returns how many.</summary>
    int ReadAvailable(Span<Acceleration> destination);
}

/// <summary>One sample, in g (9.80665 m/s²).</summary>
public readonly record struct Acceleration(double XG, double YG, double ZG);
