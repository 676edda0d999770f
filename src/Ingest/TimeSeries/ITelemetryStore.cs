namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// The time-series store behind ingest. Writes are idempotent per (device, seq): writing a sample
/// twice leaves one copy, so a redelivered message never counts twice.
/// </summary>
public interface ITelemetryStore
{
    /// <summary>Writes the samples; returns only when they are durable. Throws when the store refused them.</summary>
    Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default);
}

/// <summary>One accepted sample of one device.</summary>
public sealed record StoredSample(
    string DeviceId,
    long Seq,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, double> Readings);
