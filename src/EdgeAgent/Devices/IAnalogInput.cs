namespace WorkOrders.EdgeAgent.Devices;

/// <summary>A multi-channel ADC: an ADS1115, or a simulation.</summary>
public interface IAnalogInput : IDisposable
{
    /// <summary>Converts one channel once and returns volts.</summary>
    Task<double> ReadVoltsAsync(AnalogChannel channel, CancellationToken cancellationToken = default);
}

/// <summary>What to convert: the input (single-ended or differential) and the full-scale range.</summary>
public readonly record struct AnalogChannel(AnalogInputMux Input, AnalogFullScale FullScale);
