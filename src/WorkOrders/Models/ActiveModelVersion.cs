namespace WorkOrders.Maintenance.Models;

/// <summary>The active version of an asset type, without its artifact: what a cache compares to see a rollout.</summary>
public sealed record ActiveModelVersion(string AssetType, Guid Id, string Label);
