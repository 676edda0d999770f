namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// What every detector of one factory has in common and so holds by reference rather than by value: the options,
/// the learning rates derived from them (~120 bytes) and the pool of channel-name lists. Immutable apart from the pool, which
/// is thread-safe.
/// </summary>
internal sealed class DetectorSharing(AnomalyDetectorOptions options)
{
    /// <summary>A field, so that detectors pass it on by reference (<c>in DetectorRates</c>) without copying it.</summary>
    public readonly DetectorRates Rates = DetectorRates.From(options);

    public AnomalyDetectorOptions Options { get; } = options;

    public ChannelNamePool ChannelNames { get; } = new();
}
