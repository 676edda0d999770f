namespace WorkOrders.Prediction.Anomaly;

public interface IAnomalyDetectorFactory
{
    /// <summary>A detector for a device of <paramref name="assetType"/>, fresh or restored from <see cref="IAnomalyDetector.ExportState"/>.</summary>
    IAnomalyDetector Create(string assetType, string? exportedState = null);
}
