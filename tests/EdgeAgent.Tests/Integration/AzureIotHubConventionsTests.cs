using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>
/// The IoT Hub profile against a local mosquitto whose password file holds exactly the user name and SAS
/// token IoT Hub's documentation prescribes for this device, hub, key and expiry (token computed independently).
/// </summary>
public sealed class AzureIotHubConventionsTests : IAsyncLifetime, IDisposable
{
    private const string DeviceId = "pump-7";
    private const string HubHost = "factory-hub.azure-devices.net";
    private const string DeviceKey = "cHVtcC03IGRldmljZSBrZXksIDMyIGJ5dGVzIGxvbmc=";
    private const string ExpectedUserName = "factory-hub.azure-devices.net/pump-7/?api-version=2021-04-12";
    private const string ExpectedSasToken =
        "SharedAccessSignature sr=factory-hub.azure-devices.net%2Fdevices%2Fpump-7&sig=23U331d2zoOW43MwURH%2Br63TnZuPMz6%2FeKjbZpcd3%2F0%3D&se=1767225600";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ScratchDirectory _directory = new();
    private MosquittoServer? _broker;

    // One hour before the token's expiry (se=1767225600, 2026-01-01T00:00:00Z) with a 60-minute lifetime.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        var passwords = Path.Combine(_directory.Path, "passwords");
        using (var passwd = Process.Start("mosquitto_passwd", ["-c", "-b", passwords, ExpectedUserName, ExpectedSasToken]))
        {
            await passwd.WaitForExitAsync();
            Assert.Equal(0, passwd.ExitCode);
        }

        _broker = new MosquittoServer { ExtraConfig = $"password_file {passwords}" };
        await _broker.InitializeAsync();
    }

    [Fact]
    public async Task ConnectsWithTheDocumentedUserNameAndSasToken_AndSpeaksTheHubsTopics()
    {
        var broker = _broker!;
        await using var probe = await TelemetryProbe.ConnectAsync(broker.Host, broker.Port, "devices/#", "$iothub/#");
        var settings = AgentHost.Settings(DeviceId, "unused", 1, Path.Combine(_directory.Path, "outbox"));
        settings["EdgeAgent:Transport"] = "AzureIotHub";
        settings["EdgeAgent:AzureIotHub:HostName"] = HubHost;
        settings["EdgeAgent:AzureIotHub:DeviceKey"] = DeviceKey;
        settings["EdgeAgent:AzureIotHub:SasTokenLifetimeMinutes"] = "60";
        settings["EdgeAgent:AzureIotHub:Server"] = $"{broker.Host}:{broker.Port}";
        settings["EdgeAgent:AzureIotHub:UseTls"] = "false";
        using var agent = await AgentHost.StartAsync(settings, _time);

        await WaitAsync(probe, m => m.Topic == $"devices/{DeviceId}/messages/events/$.ct=application%2Fjson&$.ce=utf-8", "telemetry on the events topic");
        await probe.PublishAsync("$iothub/twin/PATCH/properties/desired/?$version=3", """{"publishIntervalMs":2000,"$version":3}""");
        await WaitAsync(probe, m => m.Topic.StartsWith("$iothub/twin/PATCH/properties/reported/?$rid=", StringComparison.Ordinal), "the reported properties");
        await agent.StopAsync();

        Assert.Contains(probe.Messages, m => m.Topic == $"devices/{DeviceId}/messages/events/kind=status&$.ct=application%2Fjson&$.ce=utf-8" && m.Text == "online");
        Assert.Contains(probe.Messages, m => m.Topic == "$iothub/twin/GET/?$rid=1");
        Assert.Contains(probe.Messages, m => m.Topic == $"devices/{DeviceId}/messages/events/kind=heartbeat&$.ct=application%2Fjson&$.ce=utf-8");
        var telemetry = probe.Messages.First(m => m.Topic.EndsWith("/messages/events/$.ct=application%2Fjson&$.ce=utf-8", StringComparison.Ordinal));
        Assert.Equal(DeviceId, JsonDocument.Parse(telemetry.Payload).RootElement.GetProperty("deviceId").GetString());
        using var reported = JsonDocument.Parse(probe.Messages.First(m => m.Topic.StartsWith("$iothub/twin/PATCH/properties/reported/", StringComparison.Ordinal)).Payload);
        Assert.Equal("applied", reported.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, reported.RootElement.GetProperty("requestedVersion").GetInt64());
        Assert.Equal(2000, reported.RootElement.GetProperty("settings").GetProperty("publishIntervalMs").GetInt32());
        Assert.All(probe.Messages.Where(m => m.Topic.StartsWith("devices/", StringComparison.Ordinal)), m => Assert.False(m.Retain));
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    public void Dispose() => _directory.Dispose();

    // The agent runs on the fake clock: move it on while waiting for what the real broker delivers.
    private Task WaitAsync(TelemetryProbe probe, Func<ProbeMessage, bool> match, string what) =>
        Eventually.AssertAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
                return Task.FromResult(probe.Messages.Any(match));
            },
            Patience,
            what);
}
