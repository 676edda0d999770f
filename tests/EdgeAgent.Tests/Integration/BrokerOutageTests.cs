using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>Has a broker of its own: it stops and restarts it.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private readonly MosquittoServer _broker = new();
    private readonly ScratchDirectory _directory = new();
    private readonly string _deviceId = BrokerFixture.NewDeviceId();

    public Task InitializeAsync() => _broker.InitializeAsync();

    [Fact]
    public async Task ABrokerDownFor20Seconds_LosesNoSeq_AndEachLaneArrivesInOrder()
    {
        await using var probe = await TelemetryProbe.ConnectAsync(_broker.Host, _broker.Port, $"pdm/v1/{_deviceId}/telemetry");
        var settings = AgentHost.Settings(_deviceId, _broker.Host, _broker.Port, _directory.Path);
        settings["EdgeAgent:Mqtt:BacklogSamplesPerSecond"] = "50";
        settings["EdgeAgent:Mqtt:MaxSamplesPerMessage"] = "10";
        var log = new Fakes.ListLoggerProvider();
        using var agent = await AgentHost.StartAsync(settings, log: log);
        var outbox = agent.Services.GetRequiredService<DiskOutbox>();
        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Count >= 20), Patience, "20 samples before the outage");

        await _broker.StopAsync();
        var down = Stopwatch.StartNew();
        var seqWhenDown = outbox.LastSeq;
        await Eventually.AssertAsync(() => Task.FromResult(down.Elapsed >= Outage), Outage * 2, "the 20-second outage to pass");
        var seqWhenUp = outbox.LastSeq;
        await _broker.StartAsync();
        await Eventually.AssertAsync(async () => { await probe.ReconnectAsync(); return probe.IsConnected; }, Patience, "the probe to reconnect");
        await Eventually.AssertAsync(() => Task.FromResult(probe.Samples(_deviceId).Any(s => s.Seq > seqWhenUp + 20)), Patience, "live data after the outage");
        await Eventually.AssertAsync(
            () => Task.FromResult(probe.Samples(_deviceId).Select(s => s.Seq).Where(s => s <= seqWhenUp + 20).Distinct().Count() == seqWhenUp + 20),
            Patience,
            "the backlog to drain: every seq up to 20 past the outage");
        await agent.StopAsync();

        var samples = probe.Samples(_deviceId);
        Assert.True(seqWhenUp - seqWhenDown >= 100, $"sampling went on during the outage ({seqWhenDown} → {seqWhenUp})");
        SeqAssertions.NoGaps(samples.Select(s => s.Seq), log.Text);
        SeqAssertions.InOrderPerLane(samples);
        Assert.Equal(1, samples.Min(s => s.Seq));
        Assert.Contains(samples, s => s.Lane == "backlog" && s.Seq > seqWhenDown && s.Seq <= seqWhenUp);
        var duplicates = samples.Count - samples.Select(s => s.Seq).Distinct().Count();
        Assert.True(duplicates <= 10, $"{duplicates} duplicates; only the message in flight at the cut may repeat");
    }

    public Task DisposeAsync() => _broker.DisposeAsync();

    public void Dispose() => _directory.Dispose();
}
