using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// One MQTT 5 connection carrying one or a few devices, publishing like an edge agent: QoS 1, in order, one message
/// in flight, the next only after the PUBACK. A refused or failed publish is retried with the same seq, so the seqs
/// the broker acknowledged are always 1..n per device.
/// </summary>
internal sealed class LoadConnection(string clientId, IReadOnlyList<LoadDevice> devices, string host, int port) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public long Errors { get; private set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
    }

    /// <summary>
    /// Publishes until <paramref name="stop"/> is cancelled, each publish within the <paramref name="gate"/>'s window
    /// and, in a paced phase, on a token of the <paramref name="pacer"/>; an in-flight publish is always finished,
    /// never abandoned.
    /// </summary>
    public async Task RunAsync(LoadPacer? pacer, LoadGate gate, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i = (i + 1) % devices.Count)
        {
            if (pacer is not null && !await pacer.WaitAsync())
            {
                return;
            }

            try
            {
                await gate.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!await PublishNextAsync(devices[i], stop))
            {
                gate.Return();
            }
        }
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> PublishNextAsync(LoadDevice device, CancellationToken stop)
    {
        var payload = device.NextPayload(out var seq);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(device.Topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await _client.PublishAsync(message, CancellationToken.None);
            if (result.IsSuccess)
            {
                device.Acknowledged(seq);
                return true;
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            if (!_client.IsConnected && !stop.IsCancellationRequested)
            {
                await ReconnectAsync(stop);
            }
        }

        Errors++;
        return false;
    }

    private async Task ReconnectAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop);
            await ConnectAsync(stop);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The next publish finds the connection still down and tries again.
        }
    }
}
