using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class MosquittoServerTests(MosquittoServer broker) : IClassFixture<MosquittoServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly MqttClientFactory factory = new();

    [Fact]
    public async Task AcceptsTcpConnections_OnItsLoopbackPort()
    {
        using var client = new TcpClient();

        await client.ConnectAsync(broker.Host, broker.Port);

        Assert.True(client.Connected);
        Assert.Equal("127.0.0.1", broker.Host);
    }

    [Fact]
    public async Task StopAndStart_KeepsThePort_AndAQueuedQos1MessageForAPersistentSession()
    {
        var topic = $"tests/{Guid.NewGuid():N}";
        var subscriberId = $"sub-{Guid.NewGuid():N}";
        var received = new ConcurrentQueue<string>();
        using var subscriber = factory.CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(PersistentSession(subscriberId));
        await subscriber.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await subscriber.DisconnectAsync();
        await PublishAsync(topic, "queued while offline");
        var portBefore = broker.Port;

        await broker.StopAsync();
        await broker.StartAsync();
        var reconnected = await subscriber.ConnectAsync(PersistentSession(subscriberId));

        Assert.Equal(portBefore, broker.Port);
        Assert.True(reconnected.IsSessionPresent);
        await Eventually.AssertAsync(() => Task.FromResult(received.Contains("queued while offline")), Deadline,
            "the QoS 1 message queued before the broker restart");
        await subscriber.DisconnectAsync();
    }

    [Fact]
    public async Task Start_Fails_WithTheBrokersOwnOutput_WhenTheExtraConfigIsBad()
    {
        var misconfigured = new MosquittoServer { ExtraConfig = "no_such_option 42" };
        try
        {
            var error = await Assert.ThrowsAsync<ServerStartException>(() => misconfigured.InitializeAsync());

            Assert.Contains("Unknown configuration variable \"no_such_option\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await misconfigured.DisposeAsync();
        }
    }

    private MqttClientOptions PersistentSession(string clientId) => new MqttClientOptionsBuilder()
        .WithTcpServer(broker.Host, broker.Port)
        .WithClientId(clientId)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithCleanStart(false)
        .WithSessionExpiryInterval(3600)
        .Build();

    private async Task PublishAsync(string topic, string payload)
    {
        using var publisher = factory.CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        await publisher.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        await publisher.DisconnectAsync();
    }
}
