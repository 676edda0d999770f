using WorkOrders.Testing;

namespace WorkOrders.EdgeAgent.Tests.Integration;

public sealed class AgentProcessTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>, IDisposable
{
    private const int MaxSamplesPerMessage = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ScratchDirectory _directory = new();
    private readonly string _deviceId = BrokerFixture.NewDeviceId();

    private MosquittoServer Broker => fixture.Broker;

    [Fact]
    public async Task KilledMidStream_LosesNoSeq_RepeatsOnlyWhatWasInFlight_AndContinuesTheSeq()
    {
        await using var probe = await TelemetryProbe.ConnectAsync(Broker.Host, Broker.Port, $"pdm/v1/{_deviceId}/telemetry", $"pdm/v1/{_deviceId}/status");
        var settings = AgentHost.Settings(_deviceId, Broker.Host, Broker.Port, _directory.Path);
        settings["EdgeAgent:Outbox:FlushToDisk"] = "true";
        settings["EdgeAgent:Mqtt:MaxSamplesPerMessage"] = MaxSamplesPerMessage.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using (var first = AgentProcess.Start(settings))
        {
            await Eventually.AssertAsync(() => Task.FromResult(Running(first) && probe.Samples(_deviceId).Count >= 60), Patience, $"60 samples from the first process. Output: {first.OutputText}");
            await first.KillAsync();
        }

        // Killed without a DISCONNECT: the broker publishes the last-will.
        await Eventually.AssertAsync(() => Task.FromResult(probe.Messages.LastOrDefault(m => m.Topic.EndsWith("/status", StringComparison.Ordinal))?.Text == "offline"), Patience, $"the last-will on the status topic; subscribed {string.Join(" ", probe.Subscriptions)}; got {string.Join(" ", probe.Messages.Where(m => !m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)).Select(m => m.Topic + "=" + m.Text))}");

        var beforeRestart = probe.Samples(_deviceId).Select(s => s.Seq).ToList();
        var maxBeforeRestart = beforeRestart.Max();
        using var second = AgentProcess.Start(settings);
        await Eventually.AssertAsync(
            () => Task.FromResult(Running(second) && probe.Samples(_deviceId).Select(s => s.Seq).Distinct().Count(s => s <= maxBeforeRestart + 60) == maxBeforeRestart + 60),
            Patience,
            $"every seq up to {maxBeforeRestart + 60} after the restart. Output: {second.OutputText}");
        await second.KillAsync();

        var samples = probe.Samples(_deviceId);
        var seqs = samples.Select(s => s.Seq).ToList();
        SeqAssertions.NoGaps(seqs);
        Assert.Equal(1, seqs.Min());
        var duplicated = seqs.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count <= 2 * MaxSamplesPerMessage, $"{duplicated.Count} duplicates: {string.Join(",", duplicated)}");
        Assert.All(duplicated, seq => Assert.InRange(seq, maxBeforeRestart - 2 * MaxSamplesPerMessage, maxBeforeRestart));
        Assert.Contains(seqs, s => s > maxBeforeRestart + 50);
        Assert.Contains("samples waiting, last seq", second.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadSetting_StopsStartUp_NamingTheKey()
    {
        var settings = AgentHost.Settings(_deviceId, Broker.Host, Broker.Port, _directory.Path);
        settings["EdgeAgent:PublishIntervalMs"] = "5";

        using var agent = AgentProcess.Start(settings);
        using var timeout = new CancellationTokenSource(Patience);
        await agent.WaitForExitAsync(timeout.Token);

        Assert.Equal(StartupExitCodes.ConfigurationError, agent.ExitCode);
        Assert.Contains("EdgeAgent:PublishIntervalMs: 5 must be between 100 and 3600000", agent.OutputText, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static bool Running(AgentProcess agent) =>
        !agent.HasExited ? true : throw new InvalidOperationException($"The agent exited with {agent.ExitCode}: {agent.OutputText}");
}
