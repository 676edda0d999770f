using WorkOrders.Testing;

namespace WorkOrders.Simulators.Tests;

/// <summary>One throwaway mosquitto for the publisher tests; each test uses its own device ids.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly MosquittoServer _server = new();

    public string Host => _server.Host;

    public int Port => _server.Port;

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>
{
    public const string Name = "mosquitto";
}
