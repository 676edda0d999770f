using MQTTnet;
using MQTTnet.Formatter;

namespace WorkOrders.Benchmarks.EndToEnd;

internal static class IngestSession
{
    /// <summary>
    /// Ends the run's persistent ingest session on an external broker (clean start, no expiry), so the broker does not
    /// keep queueing every later device message for a client that will never come back.
    /// </summary>
    public static async Task ForgetAsync(string host, int port, string clientId, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .Build(), cancellationToken);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }
}
