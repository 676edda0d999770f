using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// Writes samples to InfluxDB through the 1.x <c>/write</c> endpoint (served by 1.x, and by 2.x/3.x for
/// compatibility) in batches of <see cref="InfluxOptions.BatchSize"/> points. Retries 5xx, 429 and network errors
/// with back-off (honouring Retry-After); a 4xx other than 429 fails at once with InfluxDB's error. Batches are
/// idempotent, so a caller may retry a whole failed call.
/// </summary>
public sealed partial class InfluxLineProtocolStore(
    HttpClient http, IOptions<InfluxOptions> options, TimeProvider time, ILogger<InfluxLineProtocolStore> logger)
    : ITelemetryStore
{
    private readonly InfluxOptions settings = options.Value;
    private readonly Uri writeUri = WriteUri(options.Value);

    public async Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var writer = new LineProtocolWriter();
        foreach (var sample in samples)
        {
            LineProtocol.Append(writer, sample);
            if (writer.LineCount == settings.BatchSize)
            {
                await SendAsync(writer, cancellationToken).ConfigureAwait(false);
                writer = new LineProtocolWriter(writer.Buffer.Clear());
            }
        }

        if (writer.LineCount > 0)
        {
            await SendAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(LineProtocolWriter batch, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(batch.ToString());
        for (var retry = 0; ; retry++)
        {
            RetryConditionHeaderValue? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, writeUri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
                if (!string.IsNullOrEmpty(settings.Token))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Token", settings.Token);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = response.StatusCode;
                var message = $"InfluxDB answered {(int)status} {status} to a write of {batch.LineCount} points " +
                              $"to database '{settings.Database}': {answer}";
                if (!IsTransient(status))
                {
                    throw new InfluxWriteException(message, status, answer);
                }

                if (retry >= settings.MaxRetries)
                {
                    throw new InfluxWriteException($"{message} (gave up after {retry + 1} tries)", status, answer);
                }

                retryAfter = response.Headers.RetryAfter;
                failure = $"{(int)status} {answer}";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                       ex is HttpRequestException or OperationCanceledException)
            {
                if (retry >= settings.MaxRetries)
                {
                    throw new InfluxWriteException(
                        $"InfluxDB at {settings.Url} could not be reached for a write of {batch.LineCount} points " +
                        $"(gave up after {retry + 1} tries): {ex.Message}", null, null, ex);
                }

                failure = ex.Message;
            }

            var delay = InfluxRetryDelay.For(retry + 1, settings, retryAfter, time.GetUtcNow(), Random.Shared.NextDouble());
            Log.RetryingWrite(logger, batch.LineCount, retry + 1, settings.MaxRetries, delay, failure);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static Uri WriteUri(InfluxOptions options)
    {
        var root = options.Url ?? throw new InvalidOperationException($"{InfluxOptions.Section}:Url is not set.");
        var baseUri = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        var query = new StringBuilder("write?db=").Append(Uri.EscapeDataString(options.Database)).Append("&precision=ms");
        if (string.IsNullOrEmpty(options.Token) && !string.IsNullOrEmpty(options.Username))
        {
            query.Append(CultureInfo.InvariantCulture, $"&u={Uri.EscapeDataString(options.Username)}")
                .Append(CultureInfo.InvariantCulture, $"&p={Uri.EscapeDataString(options.Password ?? "")}");
        }

        return new Uri(baseUri, query.ToString());
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Write of {Points} points to InfluxDB failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay}")]
        public static partial void RetryingWrite(
            ILogger logger, int points, int retry, int maxRetries, TimeSpan delay, string failure);
    }
}
