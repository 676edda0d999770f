using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

public sealed class AgentPublishingTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ScratchDirectory _directory = new();
    private readonly string _deviceId = BrokerFixture.NewDeviceId();

    private MosquittoServer Broker => fixture.Broker;

    [Fact]
    public async Task PublishesBirthTelemetryAndHeartbeats_WithSimulatedSensors()
    {
        await using var probe = await TelemetryProbe.ConnectAsync(Broker.Host, Broker.Port, $"pdm/v1/{_deviceId}/#");
        using var agent = await AgentHost.StartAsync(AgentHost.Settings(_deviceId, Broker.Host, Broker.Port, _directory.Path));

        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Count >= 10), Patience, "ten telemetry samples");
        await Eventually.AssertAsync(() => Task.FromResult(probe.Messages.Any(m => m.Topic == TelemetryTopics.Heartbeat(_deviceId))), Patience, "a heartbeat");
        await agent.StopAsync();

        var status = probe.Messages.Where(m => m.Topic == TelemetryTopics.Status(_deviceId)).Select(m => m.Text).ToList();
        Assert.Equal(DeviceStatus.Online, status[0]);
        Assert.Equal(DeviceStatus.Offline, status[^1]);
        var first = TelemetryCodec.Decode(probe.Messages.First(m => m.Topic == TelemetryTopics.Telemetry(_deviceId)).Payload);
        Assert.Equal(_deviceId, first.DeviceId);
        Assert.Equal(1, first.Seq ?? first.Samples![0].Seq);
        var readings = first.Readings ?? first.Samples![0].Readings!;
        Assert.Contains("temperature_c", readings.Keys);
        Assert.Contains("vibration_kurtosis", readings.Keys);
        Assert.Contains("current_a", readings.Keys);
        Assert.Contains("running", readings.Keys);
        SeqAssertions.NoGaps(probe.Samples(_deviceId).Select(s => s.Seq));
        using var heartbeat = JsonDocument.Parse(probe.Messages.First(m => m.Topic == TelemetryTopics.Heartbeat(_deviceId)).Payload);
        Assert.Equal(_deviceId, heartbeat.RootElement.GetProperty("deviceId").GetString());
        Assert.True(heartbeat.RootElement.TryGetProperty("outboxDepth", out _));
    }

    [Fact]
    public async Task RejectsInvalidRemoteConfiguration_ReportsWhy_AndKeepsTheLastGoodOne()
    {
        await using var probe = await TelemetryProbe.ConnectAsync(Broker.Host, Broker.Port, $"pdm/v1/{_deviceId}/#");
        using var agent = await AgentHost.StartAsync(AgentHost.Settings(_deviceId, Broker.Host, Broker.Port, _directory.Path));
        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Count > 0), Patience, "the agent to publish");

        await probe.PublishAsync(TelemetryTopics.Config(_deviceId), """{"version":7,"publishIntervalMs":5}""");
        var report = await NextReportAsync(probe, 1);
        await agent.StopAsync();

        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Equal(7, report.GetProperty("requestedVersion").GetInt64());
        Assert.Contains("publishIntervalMs 5", report.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(100, report.GetProperty("settings").GetProperty("publishIntervalMs").GetInt32());
        Assert.False(File.Exists(Path.Combine(_directory.Path, "applied-config.json")));
    }

    [Fact]
    public async Task ValidRemoteConfiguration_ChangesThePublishRate_AndIsPersisted()
    {
        await using var probe = await TelemetryProbe.ConnectAsync(Broker.Host, Broker.Port, $"pdm/v1/{_deviceId}/#");
        using var agent = await AgentHost.StartAsync(AgentHost.Settings(_deviceId, Broker.Host, Broker.Port, _directory.Path));
        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Count >= 10), Patience, "ten samples at the first rate");

        await probe.PublishAsync(TelemetryTopics.Config(_deviceId), """{"version":8,"publishIntervalMs":1000}""", retain: true);
        var report = await NextReportAsync(probe, 1);
        var messagesAtChange = TelemetryMessages(probe).Count;
        await Eventually.AssertAsync(() => Task.FromResult(TelemetryMessages(probe).Count >= messagesAtChange + 6), Patience, "six messages at the new rate");
        await agent.StopAsync();

        Assert.Equal("applied", report.GetProperty("status").GetString());
        Assert.Equal(1000, report.GetProperty("settings").GetProperty("publishIntervalMs").GetInt32());
        // Measured on the agent's own clock (the ts of each message's newest sample), not the test's.
        var gaps = PublishGaps(probe);
        var before = gaps.Take(messagesAtChange - 1).Skip(1).Order().ToList();
        var after = gaps.Skip(messagesAtChange + 1).Take(4).ToList();
        Assert.True(before[before.Count / 2] < TimeSpan.FromMilliseconds(400), $"median gap before: {before[before.Count / 2]}");
        // One late sample can shorten one gap and lengthen the next, so the mean of four is what counts.
        Assert.True(after.Average(g => g.TotalMilliseconds) >= 800, $"gaps after: {string.Join(", ", after)}");
        Assert.Contains("\"publishIntervalMs\":1000", File.ReadAllText(Path.Combine(_directory.Path, "applied-config.json")), StringComparison.Ordinal);
        await probe.PublishAsync(TelemetryTopics.Config(_deviceId), "", retain: true);
        using var restarted = await AgentHost.StartAsync(AgentHost.Settings(_deviceId, "127.0.0.1", FreePort.Next(), _directory.Path));
        Assert.Equal(1000, restarted.Services.GetRequiredService<AgentSettingsStore>().Current.PublishIntervalMs);
        await restarted.StopAsync();
    }

    [Fact]
    public async Task AFullOutbox_DropsTheOldestFirst_AndSaysSo()
    {
        var settings = AgentHost.Settings(_deviceId, "127.0.0.1", FreePort.Next(), _directory.Path);
        settings["EdgeAgent:Outbox:MaxBytes"] = "16384";
        settings["EdgeAgent:Outbox:SegmentBytes"] = "4096";
        settings["EdgeAgent:SampleIntervalMs"] = "200";
        using (var offline = await AgentHost.StartAsync(settings))
        {
            var outbox = offline.Services.GetRequiredService<DiskOutbox>();
            await Eventually.AssertAsync(() => Task.FromResult(outbox.Statistics.DroppedWhenFull > 0), Patience, "the outbox to fill up while no broker answers");
            await offline.StopAsync();
        }

        settings["EdgeAgent:Mqtt:Server"] = $"{Broker.Host}:{Broker.Port}";
        await using var probe = await TelemetryProbe.ConnectAsync(Broker.Host, Broker.Port, $"pdm/v1/{_deviceId}/#");
        using var online = await AgentHost.StartAsync(settings);
        await Eventually.AssertAsync(() => Task.FromResult(probe.Messages.Any(m => m.Topic == TelemetryTopics.Heartbeat(_deviceId))), Patience, "a heartbeat");
        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Any(s => s.Lane == "backlog")), Patience, "the backlog");
        await online.StopAsync();

        using var heartbeat = JsonDocument.Parse(probe.Messages.First(m => m.Topic == TelemetryTopics.Heartbeat(_deviceId)).Payload);
        var dropped = heartbeat.RootElement.GetProperty("droppedWhenFull").GetInt64();
        Assert.True(dropped > 0, "the heartbeat reports the drop");
        // Oldest first: nothing below the first surviving seq arrives, nothing above it is missing.
        var backlog = probe.Samples(_deviceId).Where(s => s.Lane == "backlog").Select(s => s.Seq).ToList();
        Assert.InRange(backlog.Min(), dropped + 1, long.MaxValue);
        SeqAssertions.NoGaps(probe.Samples(_deviceId).Select(s => s.Seq));
    }

    public void Dispose() => _directory.Dispose();

    private static List<ProbeMessage> TelemetryMessages(TelemetryProbe probe) =>
        probe.Messages.Where(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)).ToList();

    private static List<TimeSpan> PublishGaps(TelemetryProbe probe)
    {
        var newest = TelemetryMessages(probe).Select(m => TelemetryCodec.Decode(m.Payload)).Select(m => m.Ts ?? m.Samples!.Max(s => s.Ts!.Value)).ToList();
        return newest.Zip(newest.Skip(1), (a, b) => b - a).ToList();
    }

    private async Task<JsonElement> NextReportAsync(TelemetryProbe probe, int count)
    {
        var topic = TelemetryTopics.ConfigReported(_deviceId);
        await Eventually.AssertAsync(() => Task.FromResult(probe.Messages.Count(m => m.Topic == topic) >= count), Patience, "the configuration report");
        return JsonDocument.Parse(probe.Messages.Where(m => m.Topic == topic).ElementAt(count - 1).Payload).RootElement.Clone();
    }
}
