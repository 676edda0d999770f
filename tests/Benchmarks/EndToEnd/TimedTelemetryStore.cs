using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>Times the pipeline's one store write per batch, and tells the hand-off wrapper when its samples are stored.</summary>
internal sealed class TimedTelemetryStore(ITelemetryStore inner, StageClock clock) : ITelemetryStore
{
    public async Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        clock.StoreStarting();
        var written = clock.StoreWrites.Started(samples);
        try
        {
            await inner.WriteAsync(samples, cancellationToken);
        }
        finally
        {
            clock.StoreWrites.Finished(samples, written);
        }

        clock.StoreFinished();
    }
}
