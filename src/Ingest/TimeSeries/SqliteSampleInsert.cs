using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// The writer connection's one prepared single-row <c>INSERT OR IGNORE</c>, reused for every sample of every batch.
/// Microsoft.Data.Sqlite looks every parameter up by name on every execution (a linear scan in SQLite), so a
/// multi-row statement with hundreds of parameters costs quadratic time to bind; four parameters do not.
/// </summary>
internal sealed class SqliteSampleInsert : IAsyncDisposable, IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter device;
    private readonly SqliteParameter seq;
    private readonly SqliteParameter timestamp;
    private readonly SqliteParameter readings;

    public SqliteSampleInsert(SqliteConnection connection)
    {
        command = connection.CreateCommand();
        command.CommandText = SqliteTelemetrySql.InsertOne;
        device = command.Parameters.Add("$d", SqliteType.Text);
        seq = command.Parameters.Add("$s", SqliteType.Integer);
        timestamp = command.Parameters.Add("$t", SqliteType.Integer);
        readings = command.Parameters.Add("$r", SqliteType.Text);
    }

    /// <summary>Inserts the samples inside <paramref name="transaction"/>; returns how many were new.</summary>
    public async Task<int> InsertAsync(
        SqliteTransaction transaction, IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken)
    {
        command.Transaction = transaction;
        var inserted = 0;
        foreach (var sample in samples)
        {
            device.Value = sample.DeviceId;
            seq.Value = sample.Seq;
            timestamp.Value = sample.Timestamp.ToUnixTimeMilliseconds();
            readings.Value = JsonSerializer.Serialize(sample.Readings, TimeSeriesJsonContext.Default.IReadOnlyDictionaryStringDouble);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    public void Dispose() => command.Dispose();
}
