namespace WorkOrders.Prediction.Anomaly;

/// <summary>Streaming, strictly causal detector for one device. Not thread-safe; one per device grain.</summary>
public interface IAnomalyDetector
{
    /// <summary>
    /// The channels learned so far, in a fixed order; only ever appended to. Detectors of the same factory share one
    /// instance per distinct list, so a device grain can keep its latest readings as values aligned with it.
    /// </summary>
    IReadOnlyList<string> Channels { get; }

    /// <summary>Scores a sample from it and earlier samples only, then learns from it.</summary>
    AnomalyScore Score(DateTimeOffset timestamp, IReadOnlyDictionary<string, double> readings);

    /// <summary>After maintenance: relearn the level of every channel without alarming.</summary>
    void Rebaseline();

    /// <summary>Compact JSON of the learned state; <see cref="IAnomalyDetectorFactory.Create"/> restores it exactly.</summary>
    string ExportState();
}
