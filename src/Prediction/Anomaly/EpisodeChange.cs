namespace WorkOrders.Prediction.Anomaly;

public enum EpisodeChange
{
    None,
    Opened,
    Closed,
}
