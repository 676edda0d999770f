using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Mqtt;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Tests.Mqtt;

public sealed class IngestLanesTests
{
    // A guard against a hang, not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _acknowledged = new();

    [Fact]
    public async Task KeepsEachDevicesMessagesInOrder_WhileLanesRunSideBySide()
    {
        var lanes = Lanes(laneCount: 4, batchSize: 3);
        var devices = Enumerable.Range(0, 6).Select(i => $"pump-{i}").ToList();
        var processed = new ConcurrentDictionary<string, List<long>>();
        var lanesUsed = devices.Select(d => lanes.LaneOf(TelemetryTopics.Telemetry(d))).Distinct().Count();
        for (var seq = 1; seq <= 20; seq++)
        {
            foreach (var device in devices)
            {
                await lanes.WriteAsync(Message(device, seq), CancellationToken.None);
            }
        }

        lanes.Complete();
        await lanes.RunAsync(WholeBatch(async (batch, _) =>
        {
            await Task.Yield();
            foreach (var message in batch)
            {
                var list = processed.GetOrAdd(DeviceOf(message), _ => []);
                lock (list)
                {
                    list.Add(SeqOf(message));
                }
            }

            return true;
        }), CancellationToken.None).WaitAsync(HangGuard);

        Assert.True(lanesUsed > 1, "the six devices should spread over more than one lane");
        Assert.All(devices, device => Assert.Equal(Enumerable.Range(1, 20).Select(s => (long)s), processed[device]));
        Assert.Equal(120, _acknowledged.Count);
        Assert.Equal(120, _acknowledged.Distinct().Count());
    }

    [Fact]
    public async Task ADeviceWaitingOnASlowBatch_DoesNotHoldUpDevicesInOtherLanes_NorIsAcknowledgedEarly()
    {
        var lanes = Lanes(laneCount: 4, batchSize: 1);
        var slow = "pump-slow";
        var fast = Enumerable.Range(0, 100).Select(i => $"pump-{i}").First(d => lanes.LaneOf(TelemetryTopics.Telemetry(d)) != lanes.LaneOf(TelemetryTopics.Telemetry(slow)));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fastAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await lanes.WriteAsync(Message(slow, 1), CancellationToken.None);
        for (var seq = 1; seq <= 5; seq++)
        {
            await lanes.WriteAsync(Message(fast, seq, () => { if (_acknowledged.Count(a => a.StartsWith(fast + "/", StringComparison.Ordinal)) == 5) { fastAcknowledged.TrySetResult(); } }), CancellationToken.None);
        }

        var running = lanes.RunAsync(WholeBatch(async (batch, _) =>
        {
            if (batch.Any(m => DeviceOf(m) == slow))
            {
                await release.Task;
            }

            return true;
        }), CancellationToken.None);
        await fastAcknowledged.Task.WaitAsync(HangGuard);
        var acknowledgedWhileSlowWaits = _acknowledged.ToList();
        release.SetResult();
        lanes.Complete();
        await running.WaitAsync(HangGuard);

        Assert.Equal(Enumerable.Range(1, 5).Select(s => $"{fast}/{s}"), acknowledgedWhileSlowWaits);
        Assert.Contains($"{slow}/1", _acknowledged);
        Assert.Equal(6, _acknowledged.Count);
    }

    [Fact]
    public async Task LeavesABatchUnacknowledged_WhenProcessingGivesUp()
    {
        var lanes = Lanes(laneCount: 1, batchSize: 2);
        await lanes.WriteAsync(Message("pump-1", 1), CancellationToken.None);
        await lanes.WriteAsync(Message("pump-1", 2), CancellationToken.None);
        lanes.Complete();
        var batches = 0;

        await lanes.RunAsync(WholeBatch((_, _) =>
        {
            batches++;
            return Task.FromResult(false);
        }), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(1, batches);
        Assert.Empty(_acknowledged);
    }

    [Fact]
    public async Task KeepsProcessingALane_WhenAcknowledgementsFailWithCancellation()
    {
        var lanes = Lanes(laneCount: 1, batchSize: 1);
        var processed = new List<long>();
        await lanes.WriteAsync(
            new InboundMessage(TelemetryTopics.Telemetry("pump-1"), Encoding.UTF8.GetBytes("1"), DateTimeOffset.UnixEpoch,
                _ => Task.FromCanceled(new CancellationToken(canceled: true))),
            CancellationToken.None);
        await lanes.WriteAsync(
            new InboundMessage(TelemetryTopics.Telemetry("pump-1"), Encoding.UTF8.GetBytes("2"), DateTimeOffset.UnixEpoch,
                _ => throw new ObjectDisposedException("AsyncLockWaiter")),
            CancellationToken.None);
        await lanes.WriteAsync(Message("pump-1", 3), CancellationToken.None);
        lanes.Complete();

        await lanes.RunAsync(WholeBatch((batch, _) =>
        {
            processed.AddRange(batch.Select(SeqOf));
            return Task.FromResult(true);
        }), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal([1L, 2L, 3L], processed);
        Assert.Equal(["pump-1/3"], _acknowledged);
    }

    [Fact]
    public async Task AcknowledgementsThatFail_AreReportedOnceABatch_WithHowManyFailed()
    {
        var logger = new FakeLogger();
        var lanes = Lanes(laneCount: 1, batchSize: 3, logger: logger);
        await lanes.WriteAsync(Message("pump-1", 1), CancellationToken.None);
        await lanes.WriteAsync(
            new InboundMessage(TelemetryTopics.Telemetry("pump-1"), Encoding.UTF8.GetBytes("2"), DateTimeOffset.UnixEpoch,
                _ => throw new ObjectDisposedException("AsyncLockWaiter")),
            CancellationToken.None);
        await lanes.WriteAsync(
            new InboundMessage(TelemetryTopics.Telemetry("pump-1"), Encoding.UTF8.GetBytes("3"), DateTimeOffset.UnixEpoch,
                _ => Task.FromCanceled(new CancellationToken(canceled: true))),
            CancellationToken.None);
        lanes.Complete();

        await lanes.RunAsync(WholeBatch((_, _) => Task.FromResult(true)), CancellationToken.None).WaitAsync(HangGuard);

        var warning = Assert.Single(logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Warning);
        Assert.StartsWith("Could not acknowledge 2 of 3 messages of a batch (the first on pdm/v1/pump-1/telemetry)", warning.Message);
        Assert.Equal(["pump-1/1"], _acknowledged);
    }

    [Fact]
    public async Task TakesALanesNextBatch_WhileEarlierOnesAreStillBeingStored_AndAcknowledgesThemInOrder()
    {
        var lanes = Lanes(laneCount: 1, batchSize: 1);
        var stored = Enumerable.Range(1, 3).ToDictionary(seq => (long)seq, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        var handedOff = new ConcurrentQueue<long>();
        var allHandedOff = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await lanes.WriteAsync(Message("pump-1", 1, () => firstAcknowledged.TrySetResult()), CancellationToken.None);
        await lanes.WriteAsync(Message("pump-1", 2), CancellationToken.None);
        await lanes.WriteAsync(Message("pump-1", 3), CancellationToken.None);
        lanes.Complete();

        var running = lanes.RunAsync((batch, _) =>
        {
            var seq = SeqOf(Assert.Single(batch));
            handedOff.Enqueue(seq);
            if (handedOff.Count == 3)
            {
                allHandedOff.TrySetResult();
            }

            return new BatchProgress(Task.FromResult(true), stored[seq].Task);
        }, CancellationToken.None);
        await allHandedOff.Task.WaitAsync(HangGuard);
        var acknowledgedBeforeAnyWasStored = _acknowledged.ToList();
        stored[3].SetResult(true);
        stored[1].SetResult(true);
        await firstAcknowledged.Task.WaitAsync(HangGuard);
        var acknowledgedWhileTheSecondIsStored = _acknowledged.ToList();
        stored[2].SetResult(true);
        await running.WaitAsync(HangGuard);

        Assert.Equal([1L, 2L, 3L], handedOff);
        Assert.Empty(acknowledgedBeforeAnyWasStored);
        Assert.Equal(["pump-1/1"], acknowledgedWhileTheSecondIsStored);
        Assert.Equal(["pump-1/1", "pump-1/2", "pump-1/3"], _acknowledged);
    }

    [Fact]
    public async Task TakesNoMoreThanItsBatchesInFlight_BeforeTheOldestIsStored()
    {
        var lanes = Lanes(laneCount: 1, batchSize: 1, batchesInFlight: 2);
        var firstStored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHandedOff = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWasStoredWhenTheThirdCame = false;
        for (var seq = 1; seq <= 3; seq++)
        {
            await lanes.WriteAsync(Message("pump-1", seq), CancellationToken.None);
        }

        lanes.Complete();
        var running = lanes.RunAsync((batch, _) =>
        {
            var seq = SeqOf(Assert.Single(batch));
            switch (seq)
            {
                case 1:
                    return new BatchProgress(Task.FromResult(true), firstStored.Task);
                case 2:
                    secondHandedOff.TrySetResult();
                    break;
                default:
                    firstWasStoredWhenTheThirdCame = firstStored.Task.IsCompleted;
                    break;
            }

            return new BatchProgress(Task.FromResult(true), Task.FromResult(true));
        }, CancellationToken.None);
        await secondHandedOff.Task.WaitAsync(HangGuard);
        firstStored.SetResult(true);
        await running.WaitAsync(HangGuard);

        Assert.True(firstWasStoredWhenTheThirdCame, "the third batch was taken while two were in flight");
        Assert.Equal(["pump-1/1", "pump-1/2", "pump-1/3"], _acknowledged);
    }

    [Fact]
    public async Task LeavesLaterBatchesUnacknowledged_WhenAnEarlierOneGivesUpAfterItsHandOff()
    {
        var lanes = Lanes(laneCount: 1, batchSize: 1);
        var firstStored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHandedOff = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await lanes.WriteAsync(Message("pump-1", 1), CancellationToken.None);
        await lanes.WriteAsync(Message("pump-1", 2), CancellationToken.None);
        lanes.Complete();

        var running = lanes.RunAsync((batch, _) =>
        {
            if (SeqOf(Assert.Single(batch)) == 1)
            {
                return new BatchProgress(Task.FromResult(true), firstStored.Task);
            }

            secondHandedOff.TrySetResult();
            return new BatchProgress(Task.FromResult(true), Task.FromResult(true));
        }, CancellationToken.None);
        await secondHandedOff.Task.WaitAsync(HangGuard);
        firstStored.SetResult(false);
        await running.WaitAsync(HangGuard);

        Assert.Empty(_acknowledged);
    }

    private static IngestLanes Lanes(int laneCount, int batchSize, int batchesInFlight = 32, ILogger? logger = null) =>
        new(laneCount, 1_000, batchSize, batchesInFlight, TimeSpan.FromMilliseconds(20), new FakeTimeProvider(), logger ?? NullLogger.Instance);

    /// <summary>A batch handed off and completed in one step (both when <paramref name="process"/> ends).</summary>
    private static Func<IReadOnlyList<InboundMessage>, CancellationToken, BatchProgress> WholeBatch(
        Func<IReadOnlyList<InboundMessage>, CancellationToken, Task<bool>> process) =>
        (batch, stoppingToken) =>
        {
            var done = process(batch, stoppingToken);
            return new BatchProgress(done, done);
        };

    private InboundMessage Message(string deviceId, long seq, Action? acknowledged = null) =>
        new(TelemetryTopics.Telemetry(deviceId), Encoding.UTF8.GetBytes(seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), DateTimeOffset.UnixEpoch,
            _ =>
            {
                _acknowledged.Enqueue($"{deviceId}/{seq}");
                acknowledged?.Invoke();
                return Task.CompletedTask;
            });

    private static string DeviceOf(InboundMessage message) => TelemetryTopics.DeviceIdFrom(message.Topic)!;

    private static long SeqOf(InboundMessage message) =>
        long.Parse(Encoding.UTF8.GetString(message.Payload.Span), System.Globalization.CultureInfo.InvariantCulture);
}
