using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// The embedded default store of a single-node demo: one SQLite file in WAL mode, one row per (device, seq) with the
/// readings as JSON. INSERT OR IGNORE makes writes idempotent; a prune keeps the table within
/// <see cref="EmbeddedStoreOptions.Retention"/> and <see cref="EmbeddedStoreOptions.MaxRows"/>.
/// </summary>
public sealed partial class SqliteTelemetryStore(
    IOptions<EmbeddedStoreOptions> options, TimeProvider time, ILogger<SqliteTelemetryStore> logger, IngestMetrics? metrics = null)
    : ITelemetryStore, IAsyncDisposable, IDisposable
{
    private const int SchemaVersion = 1;
    private readonly EmbeddedStoreOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? writer;
    private SqliteSampleInsert? insert;
    private SqliteWalCheckpointer? checkpointer;
    private long writtenSincePrune;

    /// <summary>The table's rows, counted once at opening and kept up to date by writes and prunes.</summary>
    private long rowCount;

    /// <summary>At most this many ingest batches go into one transaction.</summary>
    private const int MaxBatchesPerCommit = 256;

    private GroupCommit<IReadOnlyList<StoredSample>>? commits;

    /// <summary>
    /// Writes queued behind the one in progress (or behind a checkpoint pass that holds writes) are committed together
    /// in one transaction: every index page they share is written to the log once instead of once a batch.
    /// </summary>
    public Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return Task.CompletedTask;
        }

        var queue = LazyInitializer.EnsureInitialized(
            ref commits, () => new GroupCommit<IReadOnlyList<StoredSample>>(gate, CommitAsync, MaxBatchesPerCommit));
        return queue.WriteAsync(samples, cancellationToken);
    }

    private async Task CommitAsync(IReadOnlyList<IReadOnlyList<StoredSample>> batches, CancellationToken cancellationToken)
    {
        var connection = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var inserted = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var samples in batches)
            {
                inserted += await insert!.InsertAsync(transaction, samples, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        metrics?.StoreCommitted(batches.Count);
        rowCount += inserted;
        writtenSincePrune += batches.Sum(samples => samples.Count);
        if (writtenSincePrune >= settings.PruneEverySamples)
        {
            await PruneCoreAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        checkpointer?.Written();
    }

    /// <summary>Deletes samples older than the retention, then the oldest beyond MaxRows; returns how many went.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PruneCoreAsync(await OpenWriterAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The newest <paramref name="limit"/> samples of a device at or after <paramref name="since"/> (all time when
    /// null), oldest first, for charts.
    /// </summary>
    public async Task<IReadOnlyList<StoredSample>> ReadAsync(
        string deviceId, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await QuerySamplesAsync(deviceId, SqliteTelemetrySql.ReadNewest, parameters =>
        {
            parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? long.MinValue);
            parameters.AddWithValue("$limit", limit);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a query over one device's rows (<c>seq, ts_ms, readings</c>; <c>$device</c> bound here, the rest by
    /// <paramref name="bind"/>) on a read-only connection of its own; the file and schema are created on first use.
    /// </summary>
    private async Task<IReadOnlyList<StoredSample>> QuerySamplesAsync(
        string deviceId, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        await using var connection = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = sql;
        select.Parameters.AddWithValue("$device", deviceId);
        bind(select.Parameters);
        var samples = new List<StoredSample>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var readings = JsonSerializer.Deserialize(reader.GetString(2), TimeSeriesJsonContext.Default.DictionaryStringDouble) ?? [];
            samples.Add(new StoredSample(deviceId, reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), readings));
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        checkpointer?.Dispose();
        checkpointer = null;
        if (insert is not null)
        {
            await insert.DisposeAsync().ConfigureAwait(false);
            insert = null;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            writer = null;
        }

        gate.Dispose();
    }

    public void Dispose()
    {
        checkpointer?.Dispose();
        checkpointer = null;
        insert?.Dispose();
        insert = null;
        writer?.Dispose();
        writer = null;
        gate.Dispose();
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        if (writer is not null)
        {
            return writer;
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(settings.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadWriteCreate));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            await ScalarAsync(connection, WriterPragmas(), cancellationToken).ConfigureAwait(false);
            rowCount = Convert.ToInt64(await ScalarAsync(connection, SqliteTelemetrySql.Count, cancellationToken).ConfigureAwait(false),
                System.Globalization.CultureInfo.InvariantCulture);
            await PruneCoreAsync(connection, cancellationToken).ConfigureAwait(false);
            if (settings.Checkpoint == EmbeddedStoreCheckpoint.Background)
            {
                checkpointer = await SqliteWalCheckpointer.StartAsync(ConnectionString(SqliteOpenMode.ReadWrite), gate,
                    settings, time, logger, metrics, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        insert = new SqliteSampleInsert(connection);
        return writer = connection;
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var version = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        if (version is not 0 and not SchemaVersion)
        {
            throw new InvalidOperationException(
                $"'{settings.Path}' holds telemetry schema version {version}; this build reads version {SchemaVersion}.");
        }

        await ScalarAsync(connection, SqliteTelemetrySql.Schema, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The writer connection's own settings (not stored in the file); both values are validated integers or enum
    /// names. With a background checkpointer the writer's automatic checkpoint is off.
    /// </summary>
    private string WriterPragmas() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA synchronous = {(settings.Synchronous == EmbeddedStoreSynchronous.Full ? "FULL" : "NORMAL")}; PRAGMA wal_autocheckpoint = {(settings.Checkpoint == EmbeddedStoreCheckpoint.Background ? 0 : settings.WalAutoCheckpointPages)};");

    private async Task<long> PruneCoreAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        writtenSincePrune = 0;
        await using var prune = connection.CreateCommand();
        prune.CommandText = SqliteTelemetrySql.DeleteOlderThan;
        prune.Parameters.AddWithValue("$cutoff", (time.GetUtcNow() - settings.Retention).ToUnixTimeMilliseconds());
        long deleted = await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        rowCount -= deleted;

        if (rowCount > settings.MaxRows)
        {
            await using var trim = connection.CreateCommand();
            trim.CommandText = SqliteTelemetrySql.DeleteOldest;
            trim.Parameters.AddWithValue("$excess", rowCount - settings.MaxRows);
            var trimmed = await trim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            rowCount -= trimmed;
            deleted += trimmed;
        }

        if (deleted > 0)
        {
            Log.Pruned(logger, deleted, settings.Path);
            checkpointer?.Written();
        }

        return deleted;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private string ConnectionString(SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = settings.Path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Deleted} telemetry rows from {Path}")]
        public static partial void Pruned(ILogger logger, long deleted, string path);
    }
}
