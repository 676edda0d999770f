namespace WorkOrders.Prediction.Anomaly;

/// <summary>Streaming, strictly causal detector for one device. Not thread-safe; one per device grain.</summary>
public interface IAnomalyDetector
{
    /// <summary>Scores a sample from it and earlier samples only, then learns from it.</summary>
    AnomalyScore Score(DateTimeOffset timestamp, IReadOnlyDictionary<string, double> readings);

    /// <summary>After maintenance: relearn the level of every channel without alarming.</summary>
    void Rebaseline();

    /// <summary>Compact JSON of the learned state; <see cref="IAnomalyDetectorFactory.Create"/> restores it exactly.</summary>
    string ExportState();
}
