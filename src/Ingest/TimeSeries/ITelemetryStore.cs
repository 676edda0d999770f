namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// The time-series store behind ingest. Writes are idempotent per (device, seq): writing a sample
/// twice leaves one copy, so a redelivered message never counts twice.
/// </summary>
public interface ITelemetryStore
{
    /// <summary>Writes the samples; returns only when they are durable. Throws when the store refused them.</summary>
    Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default);

    /// <summary>
    /// A device's samples with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first (training
    /// reads history through this). Stores that cannot read say so with <see cref="NotSupportedException"/>.
    /// </summary>
    Task<IReadOnlyList<StoredSample>> ReadRangeAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} cannot read telemetry back.");
}

/// <summary>One accepted sample of one device.</summary>
public sealed record StoredSample(
    string DeviceId,
    long Seq,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, double> Readings);
