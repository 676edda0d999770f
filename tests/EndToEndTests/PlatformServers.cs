using WorkOrders.Testing;

namespace WorkOrders.EndToEndTests;

/// <summary>One throwaway mosquitto, PostgreSQL and InfluxDB for the end-to-end tests.</summary>
public sealed class PlatformServers : IAsyncLifetime
{
    public MosquittoServer Broker { get; } = new();

    public PostgresServer Postgres { get; } = new();

    public InfluxDbServer Influx { get; } = new();

    public async Task InitializeAsync() =>
        await Task.WhenAll(Broker.InitializeAsync(), Postgres.InitializeAsync(), Influx.InitializeAsync());

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
        await Influx.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformServers>
{
    public const string Name = "platform on real servers";
}
