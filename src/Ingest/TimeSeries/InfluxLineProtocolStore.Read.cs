using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WorkOrders.Ingest.TimeSeries;

public sealed partial class InfluxLineProtocolStore
{
    private const int ReadPageSize = 10_000;

    /// <summary>
    /// A device's samples in [from, to), oldest first, through the 1.x <c>/query</c> endpoint (InfluxQL, epoch ms),
    /// a page of <see cref="ReadPageSize"/> points at a time. Fields other than <c>seq</c> are the readings.
    /// </summary>
    public async Task<IReadOnlyList<StoredSample>> ReadRangeAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        var samples = new List<StoredSample>();
        var since = from.ToUnixTimeMilliseconds();
        var inclusive = true;
        while (true)
        {
            var query = string.Create(CultureInfo.InvariantCulture,
                $"SELECT * FROM \"{LineProtocol.Measurement}\" WHERE \"{LineProtocol.DeviceTag}\" = '{Literal(deviceId)}' " +
                $"AND time {(inclusive ? ">=" : ">")} {since}ms AND time < {to.ToUnixTimeMilliseconds()}ms ORDER BY time ASC LIMIT {ReadPageSize}");
            var page = await QueryPageAsync(deviceId, query, cancellationToken).ConfigureAwait(false);
            samples.AddRange(page);
            if (page.Count < ReadPageSize)
            {
                return samples;
            }

            since = page[^1].Timestamp.ToUnixTimeMilliseconds();
            inclusive = false;
        }
    }

    private async Task<List<StoredSample>> QueryPageAsync(string deviceId, string influxQl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, QueryUri())
        {
            Content = new FormUrlEncodedContent([new("q", influxQl)]),
        };
        if (!string.IsNullOrEmpty(settings.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", settings.Token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxWriteException(
                $"InfluxDB answered {(int)response.StatusCode} {response.StatusCode} to a read of '{deviceId}' from database '{settings.Database}': {body}",
                response.StatusCode, body);
        }

        using var document = JsonDocument.Parse(body);
        var result = document.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InfluxWriteException($"InfluxDB refused a read of '{deviceId}': {error.GetString()}", response.StatusCode, body);
        }

        var samples = new List<StoredSample>();
        if (!result.TryGetProperty("series", out var series))
        {
            return samples;
        }

        foreach (var serie in series.EnumerateArray())
        {
            var columns = serie.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
            foreach (var row in serie.GetProperty("values").EnumerateArray())
            {
                samples.Add(Sample(deviceId, columns, row));
            }
        }

        return samples;
    }

    private static StoredSample Sample(string deviceId, string[] columns, JsonElement row)
    {
        long seq = 0, time = 0;
        var readings = new Dictionary<string, double>(StringComparer.Ordinal);
        var i = 0;
        foreach (var value in row.EnumerateArray())
        {
            var column = columns[i++];
            if (value.ValueKind != JsonValueKind.Number)
            {
                continue; // null (a field this point lacks) or the device tag
            }

            switch (column)
            {
                case "time": time = value.GetInt64(); break;
                case LineProtocol.SeqField: seq = value.GetInt64(); break;
                default: readings[column] = value.GetDouble(); break;
            }
        }

        return new StoredSample(deviceId, seq, DateTimeOffset.FromUnixTimeMilliseconds(time), readings);
    }

    /// <summary>An InfluxQL string literal's content: backslashes and single quotes escaped.</summary>
    private static string Literal(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    private Uri QueryUri()
    {
        var root = settings.Url ?? throw new InvalidOperationException($"{InfluxOptions.Section}:Url is not set.");
        var baseUri = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        var query = new StringBuilder("query?db=").Append(Uri.EscapeDataString(settings.Database)).Append("&epoch=ms");
        if (string.IsNullOrEmpty(settings.Token) && !string.IsNullOrEmpty(settings.Username))
        {
            query.Append(CultureInfo.InvariantCulture, $"&u={Uri.EscapeDataString(settings.Username)}")
                .Append(CultureInfo.InvariantCulture, $"&p={Uri.EscapeDataString(settings.Password ?? "")}");
        }

        return new Uri(baseUri, query.ToString());
    }
}
