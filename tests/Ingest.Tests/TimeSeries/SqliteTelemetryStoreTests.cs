using Microsoft.Data.Sqlite;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.Tests.Pipeline;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class SqliteTelemetryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TemporaryStores files = new(Path.Combine("nested", "telemetry.db"), Now);

    private string DatabasePath => files.DatabasePath;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await files.DisposeAsync();

    [Fact]
    public async Task WritingTheSameSamplesTwice_StoresEachSeqOnce()
    {
        var store = Store();
        var samples = Samples("pump-1", 0, 10);

        await store.WriteAsync(samples);
        await store.WriteAsync(samples);
        await store.WriteAsync(samples.Skip(5).ToList());

        var stored = await store.ReadAsync("pump-1", null, 100);
        Assert.Equal(Enumerable.Range(0, 10).Select(seq => (long)seq), stored.Select(s => s.Seq));
    }

    [Fact]
    public async Task ARedeliveredSeq_KeepsTheFirstCopy()
    {
        var store = Store();
        await store.WriteAsync([Sample("pump-1", 1, Now, 1.0)]);

        await store.WriteAsync([Sample("pump-1", 1, Now, 99.0)]);

        Assert.Equal(1.0, Assert.Single(await store.ReadAsync("pump-1", null, 10)).Readings["rms"]);
    }

    [Fact]
    public async Task Prune_DeletesSamplesOlderThanTheRetention()
    {
        var store = Store(new EmbeddedStoreOptions { Retention = TimeSpan.FromDays(7) });
        await store.WriteAsync([Sample("pump-1", 1, Now.AddDays(-8), 1), Sample("pump-1", 2, Now.AddDays(-6), 2)]);

        var deleted = await store.PruneAsync();

        Assert.Equal(1, deleted);
        Assert.Equal([2L], (await store.ReadAsync("pump-1", null, 10)).Select(s => s.Seq));
    }

    [Fact]
    public async Task Prune_DeletesTheOldestRows_BeyondMaxRows()
    {
        var store = Store(new EmbeddedStoreOptions { MaxRows = 3 });
        await store.WriteAsync([
            Sample("a", 1, Now.AddMinutes(-5), 0), Sample("b", 1, Now.AddMinutes(-4), 0), Sample("a", 2, Now.AddMinutes(-3), 0),
            Sample("b", 2, Now.AddMinutes(-2), 0), Sample("a", 3, Now.AddMinutes(-1), 0),
        ]);

        var deleted = await store.PruneAsync();

        Assert.Equal(2, deleted);
        Assert.Equal([2L, 3L], (await store.ReadAsync("a", null, 10)).Select(s => s.Seq));
        Assert.Equal([2L], (await store.ReadAsync("b", null, 10)).Select(s => s.Seq));
    }

    [Fact]
    public async Task Writes_PruneByThemselves_EveryPruneEverySamples()
    {
        var store = Store(new EmbeddedStoreOptions { MaxRows = 2, PruneEverySamples = 4 });

        await store.WriteAsync(Samples("pump-1", 0, 3));
        var beforePrune = await store.ReadAsync("pump-1", null, 10);
        await store.WriteAsync(Samples("pump-1", 3, 1));
        var afterPrune = await store.ReadAsync("pump-1", null, 10);

        Assert.Equal(3, beforePrune.Count);
        Assert.Equal([2L, 3L], afterPrune.Select(s => s.Seq));
    }

    [Fact]
    public async Task RedeliveredSamples_DoNotCountTowardsMaxRows()
    {
        var store = Store(new EmbeddedStoreOptions { MaxRows = 3, PruneEverySamples = 1_000 });
        await store.WriteAsync(Samples("pump-1", 0, 3));
        await store.WriteAsync(Samples("pump-1", 0, 3));

        var deleted = await store.PruneAsync();

        Assert.Equal(0, deleted);
        Assert.Equal([0L, 1L, 2L], (await store.ReadAsync("pump-1", null, 10)).Select(s => s.Seq));
    }

    [Fact]
    public async Task Reopening_CountsTheRowsAlreadyInTheFile_TowardsMaxRows()
    {
        var first = Store();
        await first.WriteAsync(Samples("pump-1", 0, 3));
        await first.DisposeAsync();
        var reopened = Store(new EmbeddedStoreOptions { MaxRows = 3, PruneEverySamples = 1_000 });

        await reopened.WriteAsync(Samples("pump-1", 3, 2));
        var deleted = await reopened.PruneAsync();

        Assert.Equal(2, deleted);
        Assert.Equal([2L, 3L, 4L], (await reopened.ReadAsync("pump-1", null, 10)).Select(s => s.Seq));
    }

    [Theory]
    [InlineData(EmbeddedStoreSynchronous.Normal)]
    [InlineData(EmbeddedStoreSynchronous.Full)]
    public async Task EitherSynchronousSetting_KeepsCommittedSamplesAcrossReopening(EmbeddedStoreSynchronous synchronous)
    {
        var first = Store(new EmbeddedStoreOptions { Synchronous = synchronous, RestartLogAfterPages = 100 });
        await first.WriteAsync(Samples("pump-1", 0, 500));
        await first.DisposeAsync();

        var reopened = Store();

        Assert.Equal(500, (await reopened.ReadAsync("pump-1", null, 1_000)).Count);
    }

    [Fact]
    public async Task Opening_PrunesWhatExpiredWhileTheStoreWasClosed()
    {
        var first = Store();
        await first.WriteAsync([Sample("pump-1", 1, Now.AddDays(-6), 1), Sample("pump-1", 2, Now, 2)]);
        await first.DisposeAsync();
        files.Time.Advance(TimeSpan.FromDays(2));

        var reopened = Store();

        Assert.Equal([2L], (await reopened.ReadAsync("pump-1", null, 10)).Select(s => s.Seq));
    }

    [Fact]
    public async Task ReadAsync_ReturnsTheNewestSamplesAtOrAfterSince_OldestFirst()
    {
        var store = Store();
        await store.WriteAsync(Samples("pump-1", 0, 10));
        await store.WriteAsync(Samples("pump-2", 0, 10));

        var newestThree = await store.ReadAsync("pump-1", null, 3);
        var sinceSeq5 = await store.ReadAsync("pump-1", Now.AddSeconds(5), 100);

        Assert.Equal([7L, 8L, 9L], newestThree.Select(s => s.Seq));
        Assert.Equal([5L, 6L, 7L, 8L, 9L], sinceSeq5.Select(s => s.Seq));
        Assert.All(sinceSeq5, s => Assert.Equal("pump-1", s.DeviceId));
    }

    [Fact]
    public async Task ReadAsync_RoundTripsTimestampsAndReadings_IncludingNaN()
    {
        var store = Store();
        var sample = new StoredSample("pump-1", 4, Now.AddMilliseconds(123),
            new Dictionary<string, double> { ["rms"] = 0.125, ["gap"] = double.NaN, ["peak"] = double.PositiveInfinity });

        await store.WriteAsync([sample]);

        var read = Assert.Single(await store.ReadAsync("pump-1", null, 10));
        Assert.Equal(sample.Timestamp, read.Timestamp);
        Assert.Equal(0.125, read.Readings["rms"]);
        Assert.True(double.IsNaN(read.Readings["gap"]));
        Assert.Equal(double.PositiveInfinity, read.Readings["peak"]);
    }

    [Fact]
    public async Task TheFile_IsInWalMode_AndKeepsSamplesAcrossReopening()
    {
        var first = Store();
        await first.WriteAsync(Samples("pump-1", 0, 5));
        await first.DisposeAsync();

        var reopened = Store();
        var stored = await reopened.ReadAsync("pump-1", null, 10);

        Assert.Equal(5, stored.Count);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ABatchOfHundredsOfSamples_WithARedeliveredOneInside_StoresEveryRowOnce()
    {
        var store = Store();
        var batch = Enumerable.Range(0, 250)
            .Select(i => Sample($"pump-{i % 3}", i, Now.AddSeconds(i), i / 10.0))
            .Append(Sample("pump-0", 0, Now, 99.0))
            .ToList();

        await store.WriteAsync(batch);
        await store.WriteAsync(batch.Skip(95).Take(10).ToList());

        for (var device = 0; device < 3; device++)
        {
            var stored = await store.ReadAsync($"pump-{device}", null, 1_000);
            var expected = Enumerable.Range(0, 250).Where(i => i % 3 == device).Select(i => (long)i).ToList();
            Assert.Equal(expected, stored.Select(s => s.Seq));
            Assert.All(stored, s => Assert.Equal(s.Seq / 10.0, s.Readings["rms"]));
            Assert.All(stored, s => Assert.Equal(Now.AddSeconds(s.Seq), s.Timestamp));
        }
    }

    [Fact]
    public async Task ManyWritesAtOnce_AreAllStored_EachInExactlyOneCommit()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new IngestMetrics(meters);
        var batchesPerCommit = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "pdm.ingest.store.commit_batches" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => batchesPerCommit.Enqueue(value));
        listener.Start();
        var store = files.Open(metrics: metrics);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(device => Task.Run(() => store.WriteAsync(Samples($"pump-{device}", 0, 25)))));

        Assert.Equal(40, batchesPerCommit.Sum());
        foreach (var device in Enumerable.Range(0, 40))
        {
            Assert.Equal(25, (await store.ReadAsync($"pump-{device}", null, 100)).Count);
        }
    }

    private SqliteTelemetryStore Store(EmbeddedStoreOptions? options = null) => files.Open(options);

    private static List<StoredSample> Samples(string deviceId, int firstSeq, int count) =>
        Enumerable.Range(firstSeq, count).Select(seq => Sample(deviceId, seq, Now.AddSeconds(seq), seq / 10.0)).ToList();

    private static StoredSample Sample(string deviceId, long seq, DateTimeOffset timestamp, double rms) =>
        new(deviceId, seq, timestamp, new Dictionary<string, double> { ["rms"] = rms });
}
