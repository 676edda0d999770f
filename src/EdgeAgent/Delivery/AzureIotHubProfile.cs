using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.EdgeAgent.Configuration;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// Azure IoT Hub's documented MQTT 3.1.1 conventions, without the device SDK: client id = device id,
/// user name <c>{hub}/{device}/?api-version=…</c>, a SAS token as password, device-to-cloud messages on
/// <c>devices/{device}/messages/events/{properties}</c>, desired configuration from the device twin and
/// reports as reported properties. The hub keeps no retained messages, so status goes out as an event.
/// </summary>
public sealed class AzureIotHubProfile(IOptions<EdgeAgentOptions> options) : IBrokerProfile
{
    public const string ApiVersion = "2021-04-12";
    private const string JsonProperties = "$.ct=application%2Fjson&$.ce=utf-8";
    private const string DesiredPatchPrefix = "$iothub/twin/PATCH/properties/desired/";
    private const string TwinResponsePrefix = "$iothub/twin/res/";
    private int _requestId;
    private string? _twinRequest;

    private EdgeAgentOptions Options => options.Value;

    private AzureIotHubOptions Hub => Options.AzureIotHub;

    private string DeviceId => Options.DeviceId;

    public TimeSpan? CredentialLifetime => TimeSpan.FromMinutes(Hub.SasTokenLifetimeMinutes);

    public bool SupportsUserProperties => false;

    public string TelemetryTopic => $"devices/{DeviceId}/messages/events/{JsonProperties}";

    public string HeartbeatTopic => Events("heartbeat");

    public IReadOnlyList<string> Subscriptions => [DesiredPatchPrefix + "#", TwinResponsePrefix + "#"];

    public string UserName => $"{Hub.HostName}/{DeviceId}/?api-version={ApiVersion}";

    public string Password(DateTimeOffset now) =>
        SasToken.Create($"{Hub.HostName}/devices/{DeviceId}", Hub.DeviceKey, now.AddMinutes(Hub.SasTokenLifetimeMinutes));

    public MqttClientOptions CreateClientOptions(DateTimeOffset now)
    {
        var server = Hub.Server is { } overridden ? HostPort.Parse(overridden) : new HostPort(Hub.HostName, 8883);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(server.Host, server.Port)
            .WithClientId(DeviceId)
            .WithCredentials(UserName, Password(now))
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(Options.Mqtt.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(Options.Mqtt.PublishTimeoutMs))
            .WithWillTopic(Events("status"))
            .WithWillPayload(DeviceStatus.Offline)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (Hub.UseTls)
        {
            builder.WithTlsOptions(o => o.UseTls().WithTargetHost(Hub.HostName));
        }

        return builder.Build();
    }

    public OutboundMessage Birth() => new(Events("status"), Encoding.UTF8.GetBytes(DeviceStatus.Online), Retain: false);

    public OutboundMessage Offline() => new(Events("status"), Encoding.UTF8.GetBytes(DeviceStatus.Offline), Retain: false);

    public IEnumerable<OutboundMessage> AfterConnect()
    {
        _twinRequest = NextRequestId();
        return [new OutboundMessage($"$iothub/twin/GET/?$rid={_twinRequest}", ReadOnlyMemory<byte>.Empty, Retain: false)];
    }

    public byte[]? DesiredConfiguration(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Topic.StartsWith(DesiredPatchPrefix, StringComparison.Ordinal))
        {
            return WithoutMetadata(JsonNode.Parse(message.Payload) as JsonObject);
        }

        var isTwin = _twinRequest is not null
            && message.Topic.StartsWith(TwinResponsePrefix + "200/", StringComparison.Ordinal)
            && message.Topic.Contains($"$rid={_twinRequest}", StringComparison.Ordinal);
        return isTwin ? WithoutMetadata(JsonNode.Parse(message.Payload)?["desired"] as JsonObject) : null;
    }

    public OutboundMessage Report(byte[] reportJson) =>
        new($"$iothub/twin/PATCH/properties/reported/?$rid={NextRequestId()}", reportJson, Retain: false);

    private string Events(string kind) => $"devices/{DeviceId}/messages/events/kind={kind}&{JsonProperties}";

    private string NextRequestId() => Interlocked.Increment(ref _requestId).ToString(CultureInfo.InvariantCulture);

    // Twin documents carry $metadata and friends beside the properties; only $version means something here.
    private static byte[]? WithoutMetadata(JsonObject? desired)
    {
        if (desired is null)
        {
            return null;
        }

        foreach (var name in desired.Select(p => p.Key).Where(k => k.StartsWith('$') && k != "$version").ToList())
        {
            desired.Remove(name);
        }

        return Encoding.UTF8.GetBytes(desired.ToJsonString());
    }
}
