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
        return await QuerySamplesAsync(deviceId, ReadRangeSql, parameters =>
        {
            parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }, cancellationToken).ConfigureAwait(false);
    }
}
