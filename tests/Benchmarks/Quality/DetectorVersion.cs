using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>A named detector configuration the quality benchmark compares: options plus an optional asset-type baseline catalog.</summary>
internal sealed record DetectorVersion(string Name, AnomalyDetectorOptions Options, AnomalyBaselineCatalog Catalog)
{
    public IAnomalyDetectorFactory CreateFactory() => new AnomalyDetectorFactory(Options, Catalog);
}
