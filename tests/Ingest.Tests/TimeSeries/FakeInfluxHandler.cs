using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace WorkOrders.Ingest.Tests.TimeSeries;

/// <summary>Plays InfluxDB's /write: answers from a script of responses (204 once the script is used up) and records
/// every request with its body.</summary>
internal sealed class FakeInfluxHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public FakeInfluxHandler Then(HttpStatusCode status, string body = "", TimeSpan? retryAfter = null)
    {
        script.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
            }

            return response;
        });
        return this;
    }

    public FakeInfluxHandler ThenNetworkError()
    {
        script.Enqueue(() => throw new HttpRequestException("Connection refused (influx.test:8086)"));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        }

        return script.TryDequeue(out var next) ? next() : new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body)
{
    public string[] Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
