using System.Collections.Concurrent;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Tests.Lifecycle;

/// <summary>The host's refreshed cache of active versions, set directly by a test (a rollout or rollback is one call).</summary>
public sealed class FakeActiveModels : IActiveModels
{
    private readonly ConcurrentDictionary<string, ActiveModel> _active = new(StringComparer.OrdinalIgnoreCase);

    public void Activate(string assetType, ActiveModel model) => _active[assetType] = model;

    public void Clear(string assetType) => _active.TryRemove(assetType, out _);

    public ActiveModel? Find(string assetType) => _active.GetValueOrDefault(assetType);
}
