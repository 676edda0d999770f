using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.Validation;
using static WorkOrders.Ingest.Tests.Pipeline.PipelineFixture;

namespace WorkOrders.Ingest.Tests.Pipeline;

public sealed class IngestPipelineTests
{
    [Fact]
    public async Task StoresAndHandsOffEveryGoodSample_AndDeadLettersEveryBadOne_WhenMessagesAreMixed()
    {
        using var fixture = new PipelineFixture("pump-17", "pump-18", "fan-3");
        var withNaN = Body("pump-17", 1, 2, 3).Replace("\"temperature_c\":72", "\"temperature_c\":\"NaN\"", StringComparison.Ordinal);
        var mismatch = Message("pdm/v1/fan-3/telemetry", Body("fan-4", 7));
        var badJson = Message("pdm/v1/pump-18/telemetry", """{"deviceId":"pump-18","samples":[{"seq":""");
        var messages = new[]
        {
            Message("pdm/v1/pump-17/telemetry", withNaN),
            Message("pump-18", 10, 11),
            badJson,
            mismatch,
            Message("fan-3", 5),
        };

        var result = await fixture.Pipeline.ProcessAsync(messages, CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 5, Stored: 5, Duplicates: 0, DeadLettered: 3), result);
        Assert.Equal(
            [("pump-17", 1L), ("pump-17", 3L), ("pump-18", 10L), ("pump-18", 11L), ("fan-3", 5L)],
            fixture.Store.Stored);
        Assert.Equal(
            [("pump-17", 1L), ("pump-17", 3L), ("pump-18", 10L), ("pump-18", 11L), ("fan-3", 5L)],
            fixture.Handoff.HandedOff);
        Assert.All(fixture.Handoff.HandOffs, h => Assert.All(h.Batch.Samples, s => Assert.Equal(Now, s.ReceivedAt)));
        Assert.Equal(
            [
                ("pump-17", RejectReason.NonFiniteValue, "pdm/v1/pump-17/telemetry"),
                ("pump-18", RejectReason.BadJson, "pdm/v1/pump-18/telemetry"),
                ("fan-3", RejectReason.DeviceMismatch, "pdm/v1/fan-3/telemetry"),
            ],
            fixture.DeadLetters.Written.Select(d => (d.DeviceId, d.Reason, d.Topic)));
        Assert.Equal(badJson.Payload.ToArray(), fixture.DeadLetters.Written[1].Payload.ToArray());
        Assert.All(fixture.DeadLetters.Written, d => Assert.Equal(Now, d.ReceivedAt));
    }

    [Fact]
    public async Task DeadLettersUnknownDevice_AndStoresNothingOfIt()
    {
        using var fixture = new PipelineFixture("pump-17");
        var unknown = Message("pump-99", 1, 2);

        var result = await fixture.Pipeline.ProcessAsync([unknown, Message("pump-17", 1)], CancellationToken.None);

        var deadLetter = Assert.Single(fixture.DeadLetters.Written);
        Assert.Equal(RejectReason.UnknownDevice, deadLetter.Reason);
        Assert.Equal("pump-99", deadLetter.DeviceId);
        Assert.Equal("pdm/v1/pump-99/telemetry", deadLetter.Topic);
        Assert.Equal(unknown.Payload.ToArray(), deadLetter.Payload.ToArray());
        Assert.Equal([("pump-17", 1L)], fixture.Store.Stored);
        Assert.Equal([("pump-17", 1L)], fixture.Handoff.HandedOff);
        Assert.Equal(new IngestBatchResult(Messages: 2, Stored: 1, Duplicates: 0, DeadLettered: 1), result);
    }

    [Fact]
    public async Task DropsDuplicateSeqs_WithinABatch()
    {
        using var fixture = new PipelineFixture("pump-17");
        var messages = new[]
        {
            Message("pump-17", 1, 2, 3),
            Message("pump-17", 3, 4),
            Message("pump-17", 4, 4, 5),
        };

        var result = await fixture.Pipeline.ProcessAsync(messages, CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 3, Stored: 5, Duplicates: 3, DeadLettered: 0), result);
        Assert.Equal([1L, 2, 3, 4, 5], Assert.Single(fixture.Store.Writes).Select(s => s.Seq));
        var handOff = Assert.Single(fixture.Handoff.HandOffs);
        Assert.Equal("pump-17", handOff.DeviceId);
        Assert.Equal([1L, 2, 3, 4, 5], handOff.Batch.Samples.Select(s => s.Seq));
    }

    [Fact]
    public async Task DropsDuplicateSeqs_AcrossBatches()
    {
        using var fixture = new PipelineFixture("pump-17", "pump-18");
        await fixture.Pipeline.ProcessAsync([Message("pump-17", 1, 2, 3), Message("pump-18", 1)], CancellationToken.None);

        var result = await fixture.Pipeline.ProcessAsync([Message("pump-17", 2, 3, 4, 5), Message("pump-18", 1, 2)], CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 2, Stored: 3, Duplicates: 3, DeadLettered: 0), result);
        Assert.Equal([("pump-17", 4L), ("pump-17", 5L), ("pump-18", 2L)], fixture.Store.Writes[1].Select(s => (s.DeviceId, s.Seq)));
        Assert.Equal([("pump-17", 4L), ("pump-17", 5L), ("pump-18", 2L)], fixture.Handoff.HandOffs.Skip(2).SelectMany(h => h.Batch.Samples.Select(s => (h.DeviceId, s.Seq))));
    }

    [Fact]
    public async Task StoresNothingAndHandsNothingOff_WhenARedeliveredBatchWasAlreadyProcessed()
    {
        using var fixture = new PipelineFixture("pump-17");
        var batch = new[] { Message("pump-17", 1, 2, 3) };
        await fixture.Pipeline.ProcessAsync(batch, CancellationToken.None);

        var result = await fixture.Pipeline.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 1, Stored: 0, Duplicates: 3, DeadLettered: 0), result);
        Assert.Single(fixture.Store.Writes);
        Assert.Single(fixture.Handoff.HandOffs);
    }

    [Fact]
    public async Task Throws_WhenTheStoreFails_AndARetryOfTheSameBatchStoresEverything()
    {
        using var fixture = new PipelineFixture("pump-17", "pump-18");
        var batch = new[] { Message("pump-17", 1, 2, 3), Message("pump-18", 7) };
        fixture.Store.FailNextWrites(1);

        await Assert.ThrowsAsync<IOException>(() => fixture.Pipeline.ProcessAsync(batch, CancellationToken.None));

        Assert.Empty(fixture.Store.Writes);
        // The grains had the batch at the same time as the store; the redelivery hands it to them again (they drop
        // what they already scored).
        Assert.Equal([("pump-17", 1L), ("pump-17", 2L), ("pump-17", 3L), ("pump-18", 7L)], fixture.Handoff.HandedOff);

        var retry = await fixture.Pipeline.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 2, Stored: 4, Duplicates: 0, DeadLettered: 0), retry);
        Assert.Equal([("pump-17", 1L), ("pump-17", 2L), ("pump-17", 3L), ("pump-18", 7L)], fixture.Store.Stored);
        Assert.Equal(2, fixture.Handoff.HandOffs.Count(h => h.DeviceId == "pump-17"));
    }

    [Fact]
    public async Task HandsOffToTheGrains_WhileTheStoreWriteIsInFlight_AndReturnsOnlyAfterBoth()
    {
        using var fixture = new PipelineFixture("pump-17");
        fixture.Store.HoldWrites();

        var processing = fixture.Pipeline.ProcessAsync([Message("pump-17", 1, 2)], CancellationToken.None);
        await fixture.Handoff.HandedOffOnce.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(processing.IsCompleted);
        Assert.Empty(fixture.Store.Writes);
        Assert.Equal([("pump-17", 1L), ("pump-17", 2L)], fixture.Handoff.HandedOff);
        fixture.Store.ReleaseWrites();
        var result = await processing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new IngestBatchResult(Messages: 1, Stored: 2, Duplicates: 0, DeadLettered: 0), result);
        Assert.Equal([("pump-17", 1L), ("pump-17", 2L)], fixture.Store.Stored);
    }

    [Fact]
    public async Task Throws_WhenAHandOffFails_AndARetryHandsTheSamplesOffAgain()
    {
        using var fixture = new PipelineFixture("pump-17");
        var batch = new[] { Message("pump-17", 1, 2) };
        fixture.Handoff.FailNextHandOffs(1);

        await Assert.ThrowsAsync<TimeoutException>(() => fixture.Pipeline.ProcessAsync(batch, CancellationToken.None));

        var retry = await fixture.Pipeline.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 1, Stored: 2, Duplicates: 0, DeadLettered: 0), retry);
        Assert.Equal([("pump-17", 1L), ("pump-17", 2L)], fixture.Handoff.HandedOff);
        Assert.Equal(2, fixture.Store.Writes.Count);
    }

    [Fact]
    public async Task RemembersTheSeqsOfABatch_OnlyOnceItIsCompleted_SoARedeliveryBeforeThatIsStoredAgain()
    {
        using var fixture = new PipelineFixture("pump-17");
        var first = await fixture.Pipeline.PrepareAsync([Message("pump-17", 1, 2)], CancellationToken.None);
        await fixture.Pipeline.HandOffAsync(first, CancellationToken.None);

        var beforeCompletion = await fixture.Pipeline.PrepareAsync([Message("pump-17", 2, 3)], CancellationToken.None);
        await fixture.Pipeline.StoreAsync(first, CancellationToken.None);
        await fixture.Pipeline.CompleteAsync(first, 0, CancellationToken.None);
        var afterCompletion = await fixture.Pipeline.PrepareAsync([Message("pump-17", 2, 3)], CancellationToken.None);

        Assert.Equal([2L, 3L], beforeCompletion.Samples.Select(s => s.Seq));
        Assert.Equal([3L], afterCompletion.Samples.Select(s => s.Seq));
        Assert.Equal(1, afterCompletion.Duplicates);
    }

    [Fact]
    public async Task WritesTheDeadLettersOfABatch_OnlyWhenItIsCompleted()
    {
        using var fixture = new PipelineFixture("pump-17");
        var batch = await fixture.Pipeline.PrepareAsync(
            [Message("pump-17", 1), Message("pdm/v1/pump-17/telemetry", "not json")], CancellationToken.None);
        await fixture.Pipeline.StoreAsync(batch, CancellationToken.None);
        var duplicatesAtGrains = await fixture.Pipeline.HandOffAsync(batch, CancellationToken.None);
        var writtenBeforeCompletion = fixture.DeadLetters.Written.Count;

        var result = await fixture.Pipeline.CompleteAsync(batch, duplicatesAtGrains, CancellationToken.None);

        Assert.Equal(0, writtenBeforeCompletion);
        Assert.Equal(RejectReason.BadJson, Assert.Single(fixture.DeadLetters.Written).Reason);
        Assert.Equal(new IngestBatchResult(Messages: 2, Stored: 1, Duplicates: 0, DeadLettered: 1), result);
    }

    [Fact]
    public async Task StoresTheSamplesOfAnOldGap_WhenTheyArriveAfterManyOtherGaps()
    {
        // With a shared subscription this instance sees every other message of a device; when the other
        // instance dies before acknowledging, the broker redelivers its old messages here.
        using var fixture = new PipelineFixture("pump-17");
        for (var block = 0; block <= 2 * SeqRangeSet.MaxRanges; block += 2)
        {
            var seqs = Enumerable.Range(block * 10 + 1, 10).Select(seq => (long)seq).ToArray();
            await fixture.Pipeline.ProcessAsync([Message("pump-17", seqs)], CancellationToken.None);
        }

        var redelivered = await fixture.Pipeline.ProcessAsync([Message("pump-17", 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)], CancellationToken.None);

        Assert.Equal(new IngestBatchResult(Messages: 1, Stored: 10, Duplicates: 0, DeadLettered: 0), redelivered);
        Assert.Equal(Enumerable.Range(11, 10).Select(seq => ("pump-17", (long)seq)), fixture.Store.Writes[^1].Select(s => (s.DeviceId, s.Seq)));
    }
}
