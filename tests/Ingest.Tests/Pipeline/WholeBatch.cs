using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>Runs every phase of a batch in one call, as the MQTT worker does without its retries.</summary>
internal static class WholeBatch
{
    /// <summary>
    /// Prepares the batch, stores it while handing it off (both awaited even when one fails, so nothing of a failed
    /// batch is still running when it is processed again), then completes it; throws the first phase's failure.
    /// </summary>
    public static async Task<IngestBatchResult> ProcessAsync(
        this IngestPipeline pipeline, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var batch = await pipeline.PrepareAsync(messages, cancellationToken);
        var storing = pipeline.StoreAsync(batch, cancellationToken);
        var handingOff = pipeline.HandOffAsync(batch, cancellationToken);
        await Task.WhenAll(storing, handingOff);
        return await pipeline.CompleteAsync(batch, await handingOff, cancellationToken);
    }
}
