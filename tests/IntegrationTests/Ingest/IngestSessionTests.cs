using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>Ingest's persistent session: what devices publish while ingest is down waits on the broker for it.</summary>
[Collection(BrokerCollection.Name)]
public sealed class IngestSessionTests(MosquittoServer broker) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestFolder _folder = new();
    private readonly string _clientId = $"it-ingest-{Guid.NewGuid():N}";
    private readonly string _deviceId = Samples.NewDeviceId("motor");

    [Fact]
    public async Task IngestStoppedMidStream_ReceivesWhatWasPublishedWhileItWasDown_WhenRestartedWithTheSameClientId()
    {
        var beforeStop = new RecordingHandoff();
        var afterRestart = new RecordingHandoff();
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);
        await using (var first = await StartIngestAsync(beforeStop))
        {
            await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(1, 20));
            await Eventually.AssertAsync(
                () => Task.FromResult(beforeStop.HandedOff(_deviceId).Count > 0), Patience, "the first ingest to take part of the stream");
        }

        await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(21, 40));
        await using var second = await StartIngestAsync(afterRestart);
        await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(41, 60));

        await Eventually.AssertAsync(
            () => Task.FromResult(beforeStop.HandedOff(_deviceId).Union(afterRestart.HandedOff(_deviceId)).Count() == 60),
            Patience, "every seq 1..60 handed off by one ingest or the other");
        Assert.Equal(Samples.Seqs(1, 60), beforeStop.HandedOff(_deviceId).Union(afterRestart.HandedOff(_deviceId)).Order());
        Assert.Subset(afterRestart.HandedOff(_deviceId).ToHashSet(), Samples.Seqs(21, 60).ToHashSet());
        Assert.Equal(beforeStop.HandedOff(_deviceId).Count, beforeStop.HandedOff(_deviceId).Distinct().Count());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await BrokerSessions.ForgetAsync(broker, [_clientId]);
        _folder.Dispose();
    }

    private Task<IngestHost> StartIngestAsync(RecordingHandoff handoff) =>
        IngestHost.StartAsync(broker, new IngestHostSettings(_clientId, _folder.File("telemetry.db")), handoff, new FakeDeviceDirectory(_deviceId), new RecordingDeadLetterStore());
}
