namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>The grain tests that share one <see cref="DeviceClusterFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DeviceClusterCollection : ICollectionFixture<DeviceClusterFixture>
{
    public const string Name = "Device cluster";
}
