using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>
/// A batch of broker messages after validation: the new samples of each registered device (in seq order), the same
/// samples as the store writes them, the rejects to dead-letter, and the duplicates already dropped.
/// </summary>
public sealed record PreparedBatch(
    int Messages,
    IReadOnlyDictionary<string, IReadOnlyList<TelemetryPoint>> ByDevice,
    IReadOnlyList<StoredSample> Samples,
    IReadOnlyList<DeadLetter> Rejected,
    int Duplicates);
