using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>Several ingest instances in one <c>Ingest:Mqtt:SharedGroup</c> split the telemetry between them (mosquitto's <c>$share</c>).</summary>
[Collection(BrokerCollection.Name)]
public sealed class SharedSubscriptionTests(MosquittoServer broker) : IAsyncLifetime
{
    private const int Messages = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestFolder _folder = new();
    private readonly string _group = $"it-{Guid.NewGuid():N}";
    private readonly string[] _clientIds = [$"it-ingest-a-{Guid.NewGuid():N}", $"it-ingest-b-{Guid.NewGuid():N}"];
    private readonly string _deviceId = Samples.NewDeviceId("fan");

    [Fact]
    public async Task TwoIngestInstancesInOneSharedGroup_EachTakeSomeMessages_AndTogetherEveryMessageOnce()
    {
        var handoffA = new RecordingHandoff();
        var handoffB = new RecordingHandoff();
        await using var ingestA = await StartIngestAsync(_clientIds[0], handoffA);
        await using var ingestB = await StartIngestAsync(_clientIds[1], handoffB);
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);

        await publisher.PublishSeqsAsync(_deviceId, Samples.Seqs(1, Messages));

        await Eventually.AssertAsync(
            () => Task.FromResult(handoffA.HandedOff(_deviceId).Count + handoffB.HandedOff(_deviceId).Count >= Messages),
            Patience, $"{Messages} messages handed off between the two instances");
        var a = handoffA.HandedOff(_deviceId);
        var b = handoffB.HandedOff(_deviceId);
        Assert.NotEmpty(a);
        Assert.NotEmpty(b);
        Assert.Equal(Samples.Seqs(1, Messages), a.Concat(b).Order());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await BrokerSessions.ForgetAsync(broker, _clientIds);
        _folder.Dispose();
    }

    private Task<IngestHost> StartIngestAsync(string clientId, RecordingHandoff handoff) =>
        IngestHost.StartAsync(
            broker, new IngestHostSettings(clientId, _folder.File($"{clientId}.db"), _group), handoff, new FakeDeviceDirectory(_deviceId), new RecordingDeadLetterStore());
}
