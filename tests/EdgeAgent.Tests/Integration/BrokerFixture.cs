using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>One mosquitto per test class; each test uses its own device id, so tests never see each other's data.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public MosquittoServer Broker { get; } = new();

    public Task InitializeAsync() => Broker.InitializeAsync();

    public Task DisposeAsync() => Broker.DisposeAsync();

    public static string NewDeviceId() => "pump-" + Guid.NewGuid().ToString("N")[..8];
}
