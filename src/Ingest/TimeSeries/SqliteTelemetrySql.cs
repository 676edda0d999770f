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

    /// <summary>One sample; the writer prepares it once and reuses it for every row.</summary>
    public const string InsertOne = "INSERT OR IGNORE INTO telemetry (device_id, seq, ts_ms, readings) VALUES ($d, $s, $t, $r)";

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
