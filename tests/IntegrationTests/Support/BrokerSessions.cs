using MQTTnet;
using MQTTnet.Formatter;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Support;

/// <summary>
/// Ends the persistent sessions a test left on the shared broker (ingest never expires its session), so they do
/// not keep queueing every later test's telemetry.
/// </summary>
public static class BrokerSessions
{
    public static async Task ForgetAsync(MosquittoServer broker, IEnumerable<string> clientIds)
    {
        foreach (var clientId in clientIds)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId(clientId)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(true)
                .WithSessionExpiryInterval(0)
                .Build());
            await client.DisconnectAsync();
        }
    }
}
