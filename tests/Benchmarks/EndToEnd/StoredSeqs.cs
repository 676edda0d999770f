using System.Net.Http.Json;
using System.Text.Json;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>Every seq the time-series store holds for a device, with repeats.</summary>
internal interface IStoredSeqs
{
    Task<IReadOnlyList<long>> ReadAsync(string deviceId, CancellationToken cancellationToken);
}

/// <summary>Through the embedded store's own read API (the one the fleet page's charts use).</summary>
internal sealed class EmbeddedStoredSeqs(SqliteTelemetryStore store) : IStoredSeqs
{
    public async Task<IReadOnlyList<long>> ReadAsync(string deviceId, CancellationToken cancellationToken) =>
        [.. (await store.ReadAsync(deviceId, since: null, limit: int.MaxValue, cancellationToken)).Select(s => s.Seq)];
}

/// <summary>InfluxQL over HTTP: <c>SELECT seq FROM telemetry WHERE device = '…'</c>.</summary>
internal sealed class InfluxStoredSeqs(HttpClient http, Uri url, string database) : IStoredSeqs
{
    public async Task<IReadOnlyList<long>> ReadAsync(string deviceId, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString($"SELECT seq FROM {LineProtocol.Measurement} WHERE {LineProtocol.DeviceTag} = '{deviceId}'");
        var uri = new Uri(url, $"query?db={Uri.EscapeDataString(database)}&epoch=ms&q={query}");
        using var answer = await http.GetFromJsonAsync<JsonDocument>(uri, cancellationToken)
            ?? throw new InvalidOperationException($"InfluxDB answered nothing to {uri}.");
        var statement = answer.RootElement.GetProperty("results")[0];
        if (statement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB refused the read-back of {deviceId}: {error.GetString()}");
        }

        return statement.TryGetProperty("series", out var series)
            ? [.. series[0].GetProperty("values").EnumerateArray().Select(row => row[1].GetInt64())]
            : [];
    }
}
