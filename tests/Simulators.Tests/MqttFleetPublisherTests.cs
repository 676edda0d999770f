using Microsoft.Extensions.Logging.Abstractions;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Testing;

namespace WorkOrders.Simulators.Tests;

[Collection(BrokerCollection.Name)]
public class MqttFleetPublisherTests(BrokerFixture broker)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EverySeqFromOneToN_ArrivesForEveryDevice()
    {
        var prefix = Unique();
        var scenario = Fast(prefix, steps: 150);
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.TelemetryWildcard, prefix);
        var model = new FleetModel(scenario);
        await using var publisher = Publisher(model);

        await publisher.RunAsync();

        await Eventually.AssertAsync(
            () => Task.FromResult(recorder.SeqsByDevice().Values.Sum(s => s.Count) >= 4 * 150),
            Deadline, "600 samples from 4 devices");
        var seqs = recorder.SeqsByDevice();
        Assert.Equal(model.Devices.Select(d => d.DeviceId).Order(), seqs.Keys.Order());
        Assert.All(seqs.Values, s => Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), s));
        Assert.Equal(new FleetProgress(4, 0, 600, 600, 600, 0, 0, model.Now), publisher.Progress);
    }

    [Fact]
    public async Task EverySeqArrives_ThroughDropsBurstsDelayedBatchesAndDuplicates()
    {
        var prefix = Unique();
        var scenario = Fast(prefix, steps: 120) with
        {
            Network = new NetworkSpec
            {
                Disconnects = [new NetworkWindowSpec($"{prefix}-pump-01", 100, 200)],
                Bursts = [new NetworkWindowSpec($"{prefix}-motor-01", 300, 150)],
                DelayedBatches = [new NetworkWindowSpec("*", 600, 100)],
                DuplicateProbability = 0.1,
                MalformedProbability = 0.05,
            },
        };
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, $"{TelemetryTopics.Prefix}/#", prefix);
        await using var publisher = Publisher(new FleetModel(scenario));

        await publisher.RunAsync();

        await Eventually.AssertAsync(
            () => Task.FromResult(recorder.SeqsByDevice().Values.Sum(s => s.Distinct().Count()) >= 4 * 120),
            Deadline, "every seq 1..120 of 4 devices");
        Assert.All(recorder.SeqsByDevice().Values, s => Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), s.Distinct().Order()));
        Assert.Contains(recorder.SeqsByDevice().Values, s => s.Count > s.Distinct().Count());
        Assert.Equal(publisher.Progress.Sent, publisher.Progress.Acked);
        Assert.Equal(0, publisher.Progress.Errors);
    }

    [Fact]
    public async Task StatusIsRetainedOnline_WhileRunning_AndOffline_AfterAGracefulStop()
    {
        var prefix = Unique();
        var scenario = Fast(prefix, steps: 10) with { DurationSeconds = null, SpeedUp = 10 };
        var model = new FleetModel(scenario);
        await using var publisher = Publisher(model);
        using var stop = new CancellationTokenSource();
        var run = publisher.RunAsync(stop.Token);

        await Eventually.AssertAsync(
            async () =>
            {
                await using var late = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.StatusWildcard, prefix);
                return await StatusesAsync(late, model, expected: (DeviceStatus.Online, true));
            },
            Deadline, "a retained 'online' status for every device");
        await stop.CancelAsync();
        await run;

        await Eventually.AssertAsync(
            async () =>
            {
                await using var late = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.StatusWildcard, prefix);
                return await StatusesAsync(late, model, expected: (DeviceStatus.Offline, true));
            },
            Deadline, "a retained 'offline' status for every device after the stop");
    }

    [Fact]
    public async Task TheLastWill_MarksADevice_OfflineWhenItsConnectionDrops()
    {
        var prefix = Unique();
        var dropped = $"{prefix}-fan-01";
        var scenario = Fast(prefix, steps: 60) with
        {
            Network = new NetworkSpec { Disconnects = [new NetworkWindowSpec(dropped, 200, 100)] },
        };
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.StatusWildcard, prefix);
        await using var publisher = Publisher(new FleetModel(scenario));

        await publisher.RunAsync();

        await Eventually.AssertAsync(
            () => Task.FromResult(recorder.Statuses(dropped).Count >= 4),
            Deadline, "online, will, online again and the final offline of the dropped device");
        Assert.Equal(
            [DeviceStatus.Online, DeviceStatus.Offline, DeviceStatus.Online, DeviceStatus.Offline],
            recorder.Statuses(dropped).Select(s => s.Payload));
        Assert.Equal([DeviceStatus.Online, DeviceStatus.Offline], recorder.Statuses($"{prefix}-pump-01").Select(s => s.Payload));
    }

    [Fact]
    public async Task WallClockTimestamps_StampSamplesWithThePublishersClock()
    {
        var prefix = Unique();
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.TelemetryWildcard, prefix);
        var scenario = Fast(prefix, steps: 20) with { Timestamps = TimestampModes.WallClock, SpeedUp = 100_000 };
        await using var publisher = Publisher(new FleetModel(scenario));
        var before = TimeProvider.System.GetUtcNow();

        await publisher.RunAsync();

        var after = TimeProvider.System.GetUtcNow();
        await Eventually.AssertAsync(() => Task.FromResult(recorder.Timestamps().Count == 80), Deadline, "80 samples");
        Assert.All(recorder.Timestamps(), ts => Assert.InRange(ts, before.AddMilliseconds(-1), after));
        var firstStep = publisher.ToPublishedTime(scenario.Start + scenario.PublishInterval);
        var lastStep = publisher.ToPublishedTime(scenario.Start + (scenario.PublishInterval * 20));
        Assert.Equal(TimeSpan.FromMilliseconds(1.9), lastStep - firstStep);
        Assert.InRange(recorder.Timestamps().Min() - firstStep, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task SharedConnections_StillDeliverEverySeq()
    {
        var prefix = Unique();
        var scenario = Fast(prefix, steps: 50);
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.TelemetryWildcard, prefix);
        await using var publisher = Publisher(new FleetModel(scenario), o => o with { DevicesPerConnection = 3 });

        await publisher.RunAsync();

        await Eventually.AssertAsync(
            () => Task.FromResult(recorder.SeqsByDevice().Values.Sum(s => s.Count) >= 4 * 50),
            Deadline, "200 samples from 4 devices over 2 connections");
        Assert.All(recorder.SeqsByDevice().Values, s => Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), s));
    }

    private static async Task<bool> StatusesAsync(TopicRecorder recorder, FleetModel model, (string Payload, bool Retained) expected)
    {
        await Eventually.AssertAsync(
            () => Task.FromResult(model.Devices.All(d => recorder.Statuses(d.DeviceId).Count > 0)),
            Deadline, "retained status messages");
        return model.Devices.All(d => recorder.Statuses(d.DeviceId).Last() == expected);
    }

    private MqttFleetPublisher Publisher(FleetModel model, Func<MqttFleetOptions, MqttFleetOptions>? configure = null)
    {
        var options = new MqttFleetOptions(broker.Host, broker.Port);
        return new MqttFleetPublisher(model, configure?.Invoke(options) ?? options, TimeProvider.System, NullLogger<MqttFleetPublisher>.Instance);
    }

    /// <summary>Ten simulated seconds per step and a speed-up so high the run never waits.</summary>
    private static Scenario Fast(string prefix, int steps) => TestScenarios.OneOfEach(prefix, intervalSeconds: 10) with
    {
        SpeedUp = 1_000_000,
        DurationSeconds = steps * 10,
    };

    private static string Unique() => "p" + Guid.NewGuid().ToString("N")[..8];
}
