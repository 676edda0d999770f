using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// Copies the embedded store's write-ahead log into the database file on a connection and thread of its own: a
/// passive checkpoint, <c>interval</c> after the first write it has not copied yet. SQLite lets a passive checkpoint
/// run while the writer appends to the log, so the writer (whose automatic checkpoint is off) does not wait for it.
/// A checkpoint blocks in SQLite for as long as it copies, hence a dedicated thread rather than the thread pool's.
/// <para>
/// SQLite starts the log over only when a write transaction begins with every frame already copied, which a writer
/// busy back to back rarely sees: the log would grow without end. So once it holds
/// <see cref="EmbeddedStoreOptions.RestartLogAfterPages"/> frames, up to
/// <see cref="EmbeddedStoreOptions.RestartCatchUpPasses"/> further passes each copy what was appended during the one
/// before, then a last pass runs while holding the store's write gate: it copies only what the one before left, and
/// the next write starts the log over. Writes wait for that last pass only (mostly its two fsyncs).
/// </para>
/// </summary>
internal sealed partial class SqliteWalCheckpointer : IDisposable
{
    private readonly ManualResetEventSlim written = new(false);
    private readonly CancellationTokenSource stopping = new();
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim writeGate;
    /// <summary>A pass this short left the held pass little to copy: no further catch-up pass is needed.</summary>
    private static readonly TimeSpan QuickPass = TimeSpan.FromMilliseconds(20);

    private readonly int restartAfterFrames;
    private readonly int catchUpPasses;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly IngestMetrics? metrics;
    private readonly Thread thread;

    private SqliteWalCheckpointer(
        SqliteConnection connection, SemaphoreSlim writeGate, EmbeddedStoreOptions settings, TimeProvider time, ILogger logger,
        IngestMetrics? metrics)
    {
        this.metrics = metrics;
        this.connection = connection;
        this.writeGate = writeGate;
        restartAfterFrames = settings.RestartLogAfterPages;
        catchUpPasses = settings.RestartCatchUpPasses;
        interval = settings.CheckpointInterval;
        this.time = time;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "telemetry-checkpoint" };
        thread.Start();
    }

    /// <summary>
    /// Opens the checkpointer's own connection to an existing WAL-mode file and starts its thread;
    /// <paramref name="writeGate"/> is the gate every write of the store holds.
    /// </summary>
    public static async Task<SqliteWalCheckpointer> StartAsync(
        string connectionString, SemaphoreSlim writeGate, EmbeddedStoreOptions settings, TimeProvider time, ILogger logger,
        IngestMetrics? metrics, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteWalCheckpointer(connection, writeGate, settings, time, logger, metrics);
    }

    /// <summary>Tells the checkpointer the log has grown; cheap, never blocks.</summary>
    public void Written() => written.Set();

    /// <summary>Stops the thread (a checkpoint under way runs to its end) and closes its connection.</summary>
    public void Dispose()
    {
        stopping.Cancel();
        thread.Join();
        connection.Dispose();
        written.Dispose();
        stopping.Dispose();
    }

    private void Run()
    {
        var cancellationToken = stopping.Token;
        try
        {
            while (true)
            {
                written.Wait(cancellationToken);
                Task.Delay(interval, time, cancellationToken).Wait(cancellationToken);
                written.Reset();
                Checkpoint(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: closing the store's last connection copies what is left
        }
    }

    private void Checkpoint(CancellationToken cancellationToken)
    {
        try
        {
            var pass = CopyLog(holdingWrites: false);
            if (pass.LogFrames < restartAfterFrames)
            {
                return;
            }

            // each pass copies what the writer appended during the one before; the pass that holds writes copies
            // only what the last of them left, so the shorter that one, the shorter writes wait
            for (var catchUp = 0; catchUp < catchUpPasses && pass.Elapsed > QuickPass; catchUp++)
            {
                pass = CopyLog(holdingWrites: false);
            }

            writeGate.Wait(cancellationToken);
            try
            {
                CopyLog(holdingWrites: true);
            }
            finally
            {
                writeGate.Release();
            }
        }
        catch (SqliteException exception)
        {
            // the log only grows meanwhile; the next write signals a new attempt
            Log.CheckpointFailed(logger, exception, connection.DataSource);
        }
    }

    /// <summary>One passive checkpoint: how many frames the log held (copied or not) and how long the pass took.</summary>
    private CheckpointPass CopyLog(bool holdingWrites)
    {
        var started = Stopwatch.GetTimestamp();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        var logFrames = reader.Read() ? reader.GetInt64(1) : 0;
        var copied = logFrames > 0 ? reader.GetInt64(2) : 0;
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.Checkpointed(logger, copied, logFrames, elapsed.TotalMilliseconds, holdingWrites);
        metrics?.StoreCheckpointed(elapsed.TotalMilliseconds, logFrames, holdingWrites);
        return new CheckpointPass(logFrames, elapsed);
    }

    private readonly record struct CheckpointPass(long LogFrames, TimeSpan Elapsed);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpointed {Copied} of {LogFrames} write-ahead log frames in {ElapsedMs:F1} ms (holding writes: {HoldingWrites})")]
        public static partial void Checkpointed(ILogger logger, long copied, long logFrames, double elapsedMs, bool holdingWrites);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A background checkpoint of {Path} failed; the next write starts another")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception, string path);
    }
}
