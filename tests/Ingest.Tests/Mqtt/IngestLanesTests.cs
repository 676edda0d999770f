using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
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
        await lanes.RunAsync(async (batch, _) =>
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
        }, CancellationToken.None).WaitAsync(HangGuard);

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

        var running = lanes.RunAsync(async (batch, _) =>
        {
            if (batch.Any(m => DeviceOf(m) == slow))
            {
                await release.Task;
            }

            return true;
        }, CancellationToken.None);
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

        await lanes.RunAsync((_, _) =>
        {
            batches++;
            return Task.FromResult(false);
        }, CancellationToken.None).WaitAsync(HangGuard);

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

        await lanes.RunAsync((batch, _) =>
        {
            processed.AddRange(batch.Select(SeqOf));
            return Task.FromResult(true);
        }, CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal([1L, 2L, 3L], processed);
        Assert.Equal(["pump-1/3"], _acknowledged);
    }

    private static IngestLanes Lanes(int laneCount, int batchSize) =>
        new(laneCount, 1_000, batchSize, TimeSpan.FromMilliseconds(20), new FakeTimeProvider(), NullLogger.Instance);

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
