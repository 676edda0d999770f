using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>
/// A subscriber standing in for ingest: a persistent MQTT 5 session (so QoS 1 messages wait for it
/// across a broker restart) that records every message it gets, in order.
/// </summary>
public sealed class TelemetryProbe : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string[] _filters;

    private TelemetryProbe(string host, int port, string[] filters, string clientId)
    {
        _filters = filters;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(3600)
            .Build();
        _client.ApplicationMessageReceivedAsync += args =>
        {
            var message = args.ApplicationMessage;
            var lane = message.UserProperties?.FirstOrDefault(p => p.Name == "lane") is { } property ? System.Text.Encoding.UTF8.GetString(property.ValueBuffer.Span) : null;
            Messages.Enqueue(new ProbeMessage(message.Topic, message.Payload.ToArray(), message.Retain, lane));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<ProbeMessage> Messages { get; } = new();

    public ConcurrentBag<string> Subscriptions { get; } = [];

    /// <summary>Subscribes to every filter (note that '#' does not match topics starting with '$').</summary>
    public static async Task<TelemetryProbe> ConnectAsync(string host, int port, params string[] filters)
    {
        var probe = new TelemetryProbe(host, port, filters, "probe-" + Guid.NewGuid().ToString("N"));
        await probe.ReconnectAsync();
        return probe;
    }

    /// <summary>Connects (again, after a broker restart) and subscribes.</summary>
    public async Task ReconnectAsync()
    {
        if (_client.IsConnected)
        {
            return;
        }

        var result = await _client.ConnectAsync(_options);
        if (!result.IsSessionPresent)
        {
            foreach (var filter in _filters)
            {
                var granted = await _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
                Subscriptions.Add($"{filter}:{string.Join(",", granted.Items.Select(i => i.ResultCode))}");
            }
        }
    }

    public bool IsConnected => _client.IsConnected;

    public Task PublishAsync(string topic, string payload, bool retain = false) =>
        _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain);

    /// <summary>Every telemetry sample received, in arrival order, with the lane it came by.</summary>
    public List<(long Seq, string? Lane, int MessageIndex)> Samples(string deviceId)
    {
        var samples = new List<(long, string?, int)>();
        var index = 0;
        foreach (var message in Messages.Where(m => m.Topic == TelemetryTopics.Telemetry(deviceId)))
        {
            var decoded = TelemetryCodec.Decode(message.Payload);
            var seqs = decoded.Samples is { } batch ? batch.Select(s => s.Seq!.Value) : [decoded.Seq!.Value];
            samples.AddRange(seqs.Select(seq => (seq, message.Lane, index)));
            index++;
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(0).Build());
        }

        _client.Dispose();
    }
}

public sealed record ProbeMessage(string Topic, byte[] Payload, bool Retain, string? Lane)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}
