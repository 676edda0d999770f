namespace WorkOrders.Prediction.Anomaly;

/// <summary>Immutable set of asset-type baselines, looked up case-insensitively by asset type.</summary>
public sealed class AnomalyBaselineCatalog
{
    private readonly Dictionary<string, AssetTypeBaseline> baselines;

    public AnomalyBaselineCatalog(IEnumerable<AssetTypeBaseline> baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        this.baselines = baselines.ToDictionary(b => b.AssetType, StringComparer.OrdinalIgnoreCase);
    }

    public static AnomalyBaselineCatalog Empty { get; } = new([]);

    public AssetTypeBaseline? Find(string assetType) =>
        baselines.TryGetValue(assetType, out var baseline) ? baseline : null;
}
