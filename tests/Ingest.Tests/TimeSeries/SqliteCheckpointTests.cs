using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Ingest.Tests.Pipeline;

namespace WorkOrders.Ingest.Tests.TimeSeries;

/// <summary>
/// Who copies the embedded store's write-ahead log into its database file, and what a killed process leaves behind.
/// The database file's length tells whether a checkpoint ran: until one does, every written page lives in the log.
/// </summary>
public sealed class SqliteCheckpointTests : IAsyncLifetime
{
    private const int SampleCount = 3_000;
    private const long SmallFile = 64 * 1024;
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TemporaryStores files = new("telemetry.db", Now);

    private string DatabasePath => files.DatabasePath;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await files.DisposeAsync();

    [Fact]
    public async Task InTheBackground_TheWriterNeverCheckpoints_TheLogHoldsEveryWrittenPage()
    {
        var store = Store(new EmbeddedStoreOptions { RestartLogAfterPages = 100, CheckpointInterval = TimeSpan.FromSeconds(1) });

        await WriteManyAsync(store);

        Assert.True(new FileInfo(DatabasePath).Length < SmallFile, $"database file {new FileInfo(DatabasePath).Length} B");
        Assert.True(new FileInfo(DatabasePath + "-wal").Length > 100 * 4096, $"log {new FileInfo(DatabasePath + "-wal").Length} B");
    }

    [Fact]
    public async Task InTheBackground_ACheckpointCopiesTheLogIntoTheFile_AnIntervalAfterTheWrites()
    {
        var store = Store(new EmbeddedStoreOptions { CheckpointInterval = TimeSpan.FromSeconds(1) });
        await WriteManyAsync(store);
        Assert.True(new FileInfo(DatabasePath).Length < SmallFile);

        var grown = await FileGrowsAsync(() => files.Time.Advance(TimeSpan.FromSeconds(1)));

        Assert.True(grown, $"no checkpoint copied the log: database file still {new FileInfo(DatabasePath).Length} B");
        Assert.Equal(SampleCount, (await store.ReadAsync("pump-1", null, 10_000)).Count);
    }

    [Fact]
    public async Task ABackgroundCheckpoint_IsMeasured_ItsDurationAndTheFramesItsLogHeld()
    {
        using var meters = new TestMeterFactory();
        var metrics = new IngestMetrics(meters);
        var durations = new ConcurrentQueue<double>();
        var walFrames = new ConcurrentQueue<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "pdm.ingest.store.checkpoint_duration")
            {
                durations.Enqueue(value);
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "pdm.ingest.store.wal_frames")
            {
                walFrames.Enqueue(value);
            }
        });
        listener.Start();
        var store = Store(new EmbeddedStoreOptions { CheckpointInterval = TimeSpan.FromSeconds(1) }, metrics);
        await WriteManyAsync(store);

        Assert.True(await FileGrowsAsync(() => files.Time.Advance(TimeSpan.FromSeconds(1))), "no checkpoint ran");
        listener.RecordObservableInstruments();

        Assert.NotEmpty(durations);
        Assert.All(durations, duration => Assert.True(duration >= 0));
        Assert.True(walFrames.TryPeek(out var frames) && frames > 0, $"wal_frames {string.Join(",", walFrames)}");
    }

    [Fact]
    public async Task OnceTheLogIsLong_APassHoldingWritesFollowsTheOthers_AndIsMeasuredAsSuch()
    {
        using var meters = new TestMeterFactory();
        var passes = new ConcurrentQueue<bool>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Name == "pdm.ingest.store.checkpoint_duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            passes.Enqueue(tags.ToArray().Single(tag => tag.Key == "holds_writes").Value is true));
        listener.Start();
        var store = Store(new EmbeddedStoreOptions { RestartLogAfterPages = 100, CheckpointInterval = TimeSpan.FromSeconds(1) }, new IngestMetrics(meters));
        await WriteManyAsync(store);
        var generation = LogGeneration();

        Assert.True(await FileGrowsAsync(() => files.Time.Advance(TimeSpan.FromSeconds(1))), "no checkpoint ran");
        for (var attempt = 0; attempt < 100 && !passes.Contains(true); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.False(passes.First(), "the first pass of a checkpoint held writes");
        Assert.Contains(true, passes);
        await store.WriteAsync([new StoredSample("pump-1", SampleCount, Now, new Dictionary<string, double> { ["rms"] = 1 })]);
        Assert.True(LogGeneration() > generation, "the write after the pass holding writes did not start the log over");
    }

    [Fact]
    public async Task Inline_TheCommitThatCrossesTheLogLimit_Checkpoints()
    {
        var store = Store(new EmbeddedStoreOptions { Checkpoint = EmbeddedStoreCheckpoint.Inline, WalAutoCheckpointPages = 100 });

        await WriteManyAsync(store);

        Assert.True(new FileInfo(DatabasePath).Length > SmallFile, $"database file {new FileInfo(DatabasePath).Length} B");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task InTheBackground_UnderBackToBackWrites_TheLogStillStartsOver(int catchUpPasses)
    {
        var store = Store(new EmbeddedStoreOptions
        {
            RestartLogAfterPages = 100, RestartCatchUpPasses = catchUpPasses, CheckpointInterval = TimeSpan.FromSeconds(1),
        });
        await WriteManyAsync(store);
        using var stop = new CancellationTokenSource();
        var writing = WriteUntilStoppedAsync(store, stop.Token);
        try
        {
            for (var cycle = 0; cycle < 3; cycle++)
            {
                var before = LogGeneration();
                var restarted = false;
                for (var attempt = 0; attempt < 200 && !restarted; attempt++)
                {
                    files.Time.Advance(TimeSpan.FromSeconds(1));
                    await Task.Delay(50);
                    restarted = LogGeneration() > before;
                }

                Assert.True(restarted, $"cycle {cycle}: the log was never started over (generation {before}, {new FileInfo(DatabasePath + "-wal").Length} B)");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
        }
    }

    [Theory]
    [InlineData(EmbeddedStoreSynchronous.Normal, EmbeddedStoreCheckpoint.Background)]
    [InlineData(EmbeddedStoreSynchronous.Full, EmbeddedStoreCheckpoint.Background)]
    [InlineData(EmbeddedStoreSynchronous.Normal, EmbeddedStoreCheckpoint.Inline)]
    public async Task AProcessKilledAfterItsCommits_LeavesEverySampleInTheFiles(
        EmbeddedStoreSynchronous synchronous, EmbeddedStoreCheckpoint checkpoint)
    {
        var store = Store(new EmbeddedStoreOptions
        {
            Synchronous = synchronous, Checkpoint = checkpoint, WalAutoCheckpointPages = 100, RestartLogAfterPages = 100,
        });
        await WriteManyAsync(store);

        // what a killed process leaves: the files as they are while its connections are still open, nothing closed
        var crashed = Path.Combine(files.Directory, "crashed");
        Directory.CreateDirectory(crashed);
        File.Copy(DatabasePath, Path.Combine(crashed, "telemetry.db"));
        File.Copy(DatabasePath + "-wal", Path.Combine(crashed, "telemetry.db-wal"));
        var reopened = Store(new EmbeddedStoreOptions { Path = Path.Combine(crashed, "telemetry.db") });

        var stored = await reopened.ReadAsync("pump-1", null, 10_000);
        Assert.Equal(Enumerable.Range(0, SampleCount).Select(seq => (long)seq), stored.Select(s => s.Seq));
    }

    /// <summary>
    /// The write-ahead log header's checkpoint sequence number (bytes 12-15, big-endian), which SQLite increments each
    /// time it starts the log over.
    /// </summary>
    private uint LogGeneration()
    {
        using var log = new FileStream(DatabasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    /// <summary>Batches of 200 devices' next samples, one after another with nothing between them, until stopped.</summary>
    private static async Task WriteUntilStoppedAsync(SqliteTelemetryStore store, CancellationToken stop)
    {
        await Task.Yield();
        for (var seq = SampleCount; !stop.IsCancellationRequested; seq++)
        {
            await store.WriteAsync(Enumerable.Range(0, 200)
                .Select(device => new StoredSample($"fan-{device}", seq, Now.AddSeconds(seq), new Dictionary<string, double> { ["rms"] = device }))
                .ToList(), CancellationToken.None);
        }
    }

    /// <summary>Advances the clock until the database file outgrows a fresh one (a checkpoint copied the log).</summary>
    private async Task<bool> FileGrowsAsync(Action advance)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            advance();
            await Task.Delay(50);
            if (new FileInfo(DatabasePath).Length > SmallFile)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task WriteManyAsync(SqliteTelemetryStore store)
    {
        for (var first = 0; first < SampleCount; first += 500)
        {
            await store.WriteAsync(Enumerable.Range(first, 500)
                .Select(seq => new StoredSample("pump-1", seq, Now.AddSeconds(seq), new Dictionary<string, double> { ["rms"] = seq / 10.0 }))
                .ToList());
        }
    }

    private SqliteTelemetryStore Store(EmbeddedStoreOptions options, IngestMetrics? metrics = null) => files.Open(options, metrics);
}
