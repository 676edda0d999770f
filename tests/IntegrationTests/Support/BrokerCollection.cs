using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Support;

/// <summary>
/// One throwaway mosquitto for every test that needs a broker. Tests keep apart through their own device ids,
/// MQTT client ids and shared-subscription groups, and forget their persistent sessions when they end.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<MosquittoServer>
{
    public const string Name = "mosquitto";
}
