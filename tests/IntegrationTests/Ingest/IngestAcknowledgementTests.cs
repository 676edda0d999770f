using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>
/// Ingest acknowledges a message only after its samples were handed to the device's grain and stored: while either
/// fails nothing is acknowledged, and nothing is lost. The grains do not wait for the store.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class IngestAcknowledgementTests(MosquittoServer broker) : IAsyncLifetime
{
    private const int Messages = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestFolder _folder = new();
    private readonly string _clientId = $"it-ingest-{Guid.NewGuid():N}";
    private readonly string _deviceId = Samples.NewDeviceId("pump");
    private readonly RecordingDeadLetterStore _deadLetters = new();

    [Fact]
    public async Task MessagesPublishedWhileTheHandoffFails_AreHandedOffExactlyOnceEach_WhenItRecovers()
    {
        var handoff = new RecordingHandoff { Failing = true };
        await using var ingest = await StartIngestAsync(handoff);
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);
        await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(1, Messages));
        await Eventually.AssertAsync(() => Task.FromResult(handoff.Failures >= 3), Patience, "ingest to retry the failing hand-off");

        handoff.Failing = false;

        await Eventually.AssertAsync(
            () => Task.FromResult(handoff.HandedOff(_deviceId).Distinct().Count() == Messages), Patience, $"every seq 1..{Messages} handed off");
        Assert.Equal(Samples.Seqs(1, Messages), handoff.HandedOff(_deviceId).Order());
        Assert.Empty(_deadLetters.Written);
    }

    [Fact]
    public async Task MessagesHeldByAFailingHandoff_AreNotAcknowledged_SoTheNextSessionReceivesThemAll()
    {
        var failing = new RecordingHandoff { Failing = true };
        var recovered = new RecordingHandoff();
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);
        await using (var first = await StartIngestAsync(failing))
        {
            await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(1, Messages));
            await Eventually.AssertAsync(() => Task.FromResult(failing.Failures >= 3), Patience, "the first ingest to retry the failing hand-off");
        }

        await using var second = await StartIngestAsync(recovered);

        await Eventually.AssertAsync(
            () => Task.FromResult(recovered.HandedOff(_deviceId).Distinct().Count() == Messages), Patience,
            $"the broker to redeliver every seq 1..{Messages} to the same client id");
        Assert.Equal(Samples.Seqs(1, Messages), recovered.HandedOff(_deviceId).Order());
    }

    [Fact]
    public async Task MessagesScoredWhileTheStoreFails_AreNotAcknowledged_SoTheNextSessionStoresThemAll()
    {
        var scored = new RecordingHandoff();
        var failingStore = new RecordingTelemetryStore { Failing = true };
        var store = new RecordingTelemetryStore();
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);
        await using (var first = await StartIngestAsync(scored, failingStore))
        {
            await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(1, Messages));
            await Eventually.AssertAsync(
                () => Task.FromResult(scored.HandedOff(_deviceId).Distinct().Count() == Messages), Patience,
                $"every seq 1..{Messages} handed to the grain while the store is down");
            await Eventually.AssertAsync(() => Task.FromResult(failingStore.Failures >= 3), Patience, "the first ingest to retry the failing store write");
        }

        await using var second = await StartIngestAsync(new RecordingHandoff(), store);

        await Eventually.AssertAsync(
            () => Task.FromResult(store.Stored(_deviceId).Distinct().Count() == Messages), Patience,
            $"the broker to redeliver every seq 1..{Messages} to the next session, which stores them");
        Assert.Equal(Samples.Seqs(1, Messages), store.Stored(_deviceId).Order());
        Assert.Empty(failingStore.Stored(_deviceId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await BrokerSessions.ForgetAsync(broker, [_clientId]);
        _folder.Dispose();
    }

    private Task<IngestHost> StartIngestAsync(RecordingHandoff handoff, RecordingTelemetryStore? store = null) =>
        IngestHost.StartAsync(
            broker, new IngestHostSettings(_clientId, _folder.File("telemetry.db")), handoff, new FakeDeviceDirectory(_deviceId), _deadLetters, store);
}
