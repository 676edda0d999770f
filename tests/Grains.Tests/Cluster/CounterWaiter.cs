using System.Diagnostics.Metrics;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>Listens to one counter of the silo's meters and completes <see cref="Counted"/> at its first measurement.</summary>
public sealed class CounterWaiter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TaskCompletionSource _counted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CounterWaiter(string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => _counted.TrySetResult());
        _listener.Start();
    }

    public Task Counted => _counted.Task;

    public void Dispose() => _listener.Dispose();
}
