namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// The active model version per asset type, kept fresh by the host (a cache refreshed from the database). Grains ask
/// on every batch, so <see cref="Find"/> must be a cheap, thread-safe lookup.
/// </summary>
public interface IActiveModels
{
    ActiveModel? Find(string assetType);
}
