using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>Times the pipeline's one store write per batch.</summary>
internal sealed class TimedTelemetryStore(ITelemetryStore inner, StageClock clock) : ITelemetryStore
{
    public async Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        clock.StoreStarting();
        await inner.WriteAsync(samples, cancellationToken);
        clock.StoreFinished();
    }
}
