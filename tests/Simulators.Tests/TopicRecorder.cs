using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Simulators.Tests;

/// <summary>A subscriber that records every message on the topics of some devices, in arrival order.</summary>
internal sealed class TopicRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload, bool Retained)> _messages = new();

    /// <summary>Subscribes to <paramref name="topicFilter"/> and keeps the messages of devices whose id starts with <paramref name="devicePrefix"/>.</summary>
    public static async Task<TopicRecorder> StartAsync(string host, int port, string topicFilter, string devicePrefix, DeviceCredentials? login = null)
    {
        var recorder = new TopicRecorder();
        recorder._client.ApplicationMessageReceivedAsync += e =>
        {
            if (TelemetryTopics.DeviceIdFrom(e.ApplicationMessage.Topic)?.StartsWith(devicePrefix, StringComparison.Ordinal) == true)
            {
                recorder._messages.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            }

            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("recorder-" + Guid.NewGuid().ToString("N"))
            .WithProtocolVersion(MqttProtocolVersion.V500);
        if (login is not null)
        {
            options = options.WithCredentials(login.Username, login.Password);
        }

        await recorder._client.ConnectAsync(options.Build());
        await recorder._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return recorder;
    }

    /// <summary>Every seq received per device, from single and batch messages; malformed bodies are skipped.</summary>
    public Dictionary<string, List<long>> SeqsByDevice()
    {
        var seqs = new Dictionary<string, List<long>>();
        foreach (var (topic, payload, _) in _messages)
        {
            if (!topic.EndsWith("/telemetry", StringComparison.Ordinal))
            {
                continue;
            }

            TelemetryMessage message;
            try
            {
                message = TelemetryCodec.Decode(payload);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            var list = seqs.TryGetValue(message.DeviceId ?? "", out var l) ? l : seqs[message.DeviceId ?? ""] = [];
            if (message.Seq is { } seq)
            {
                list.Add(seq);
            }

            list.AddRange((message.Samples ?? []).Select(s => s.Seq ?? 0));
        }

        return seqs;
    }

    /// <summary>Timestamps of every single-sample telemetry message.</summary>
    public List<DateTimeOffset> Timestamps() =>
        [.. _messages.Where(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)).Select(m => TelemetryCodec.Decode(m.Payload).Ts!.Value)];

    public List<(string Payload, bool Retained)> Statuses(string deviceId) =>
        [.. _messages.Where(m => m.Topic == TelemetryTopics.Status(deviceId)).Select(m => (Encoding.UTF8.GetString(m.Payload), m.Retained))];

    public int Count(Func<string, bool> topic) => _messages.Count(m => topic(m.Topic));

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
