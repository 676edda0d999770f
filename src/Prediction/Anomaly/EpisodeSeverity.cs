namespace WorkOrders.Prediction.Anomaly;

public enum EpisodeSeverity
{
    None,
    Low,
    Medium,
    High,
    Critical,
}
