namespace WorkOrders.Ingest.TimeSeries;

/// <summary>The embedded store's SQL (schema version 1).</summary>
internal static class SqliteTelemetrySql
{
    public const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS telemetry (
            device_id TEXT    NOT NULL,
            seq       INTEGER NOT NULL,
            ts_ms     INTEGER NOT NULL,
            readings  TEXT    NOT NULL,
            PRIMARY KEY (device_id, seq)
        );
        CREATE INDEX IF NOT EXISTS telemetry_device_ts ON telemetry (device_id, ts_ms);
        CREATE INDEX IF NOT EXISTS telemetry_ts ON telemetry (ts_ms);
        PRAGMA user_version = 1;
        """;

    /// <summary>Rows per multi-row INSERT: 4 parameters a row stays far below SQLite's 32,766-parameter limit.</summary>
    public const int RowsPerInsert = 100;

    /// <summary>The INSERT of a full chunk, built once.</summary>
    public static readonly string InsertFullChunk = InsertRows(RowsPerInsert);

    /// <summary>
    /// One INSERT OR IGNORE of <paramref name="rows"/> rows, parameters <c>$d{i}</c>, <c>$s{i}</c>, <c>$t{i}</c>,
    /// <c>$r{i}</c>: one statement per chunk instead of one per sample.
    /// </summary>
    public static string InsertRows(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var sql = new System.Text.StringBuilder("INSERT OR IGNORE INTO telemetry (device_id, seq, ts_ms, readings) VALUES ", rows * 24);
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"($d{i}, $s{i}, $t{i}, $r{i})");
        }

        return sql.ToString();
    }

    public const string DeleteOlderThan = "DELETE FROM telemetry WHERE ts_ms < $cutoff";

    public const string Count = "SELECT count(*) FROM telemetry";

    public const string DeleteOldest = """
        DELETE FROM telemetry WHERE rowid IN (SELECT rowid FROM telemetry ORDER BY ts_ms, rowid LIMIT $excess)
        """;

    public const string ReadNewest = """
        SELECT seq, ts_ms, readings FROM (
            SELECT seq, ts_ms, readings FROM telemetry
            WHERE device_id = $device AND ts_ms >= $since
            ORDER BY ts_ms DESC, seq DESC
            LIMIT $limit)
        ORDER BY ts_ms, seq
        """;
}
