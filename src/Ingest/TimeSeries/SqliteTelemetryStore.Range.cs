using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace WorkOrders.Ingest.TimeSeries;

public sealed partial class SqliteTelemetryStore
{
    private const string ReadRangeSql = """
        SELECT seq, ts_ms, readings FROM telemetry
        WHERE device_id = $device AND ts_ms >= $from AND ts_ms < $to
        ORDER BY ts_ms, seq
        """;

    /// <summary>A device's samples in [from, to), oldest first, on a read-only connection of its own.</summary>
    public async Task<IReadOnlyList<StoredSample>> ReadRangeAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenWriterAsync(cancellationToken).ConfigureAwait(false); // creates the file and schema on first use
        }
        finally
        {
            gate.Release();
        }

        await using var connection = new SqliteConnection(ConnectionString(SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = ReadRangeSql;
        select.Parameters.AddWithValue("$device", deviceId);
        select.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        select.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        var samples = new List<StoredSample>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var readings = JsonSerializer.Deserialize(reader.GetString(2), TimeSeriesJsonContext.Default.DictionaryStringDouble) ?? [];
            samples.Add(new StoredSample(deviceId, reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), readings));
        }

        return samples;
    }
}
