using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class InfluxLineProtocolStoreTests
{
    private static readonly DateTimeOffset Ts = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private readonly FakeInfluxHandler influx = new();
    private readonly SignallingTimeProvider time = new();

    [Fact]
    public async Task WriteAsync_SplitsTheSamplesIntoBatchesOfBatchSize()
    {
        var store = Store(new InfluxOptions { BatchSize = 2 });
        var samples = Samples(5);

        await store.WriteAsync(samples);

        Assert.Equal([2, 2, 1], influx.Requests.Select(r => r.Lines.Length));
        Assert.Equal(LineProtocol.Encode(samples).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            influx.Requests.SelectMany(r => r.Lines));
    }

    [Fact]
    public async Task WriteAsync_PostsToTheV1WriteEndpoint_WithDatabaseAndMillisecondPrecision()
    {
        var store = Store(new InfluxOptions { Url = new Uri("http://influx.test:8086/base"), Database = "plant a&b" });

        await store.WriteAsync(Samples(1));

        var request = Assert.Single(influx.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://influx.test:8086/base/write?db=plant%20a%26b&precision=ms", request.Uri.AbsoluteUri);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task WriteAsync_SendsTheToken_AsAnAuthorizationTokenHeader()
    {
        var store = Store(new InfluxOptions { Token = "s3cret" });

        await store.WriteAsync(Samples(1));

        Assert.Equal("Token s3cret", Assert.Single(influx.Requests).Authorization);
    }

    [Fact]
    public async Task WriteAsync_SendsUsernameAndPassword_AsUAndPQueryParameters()
    {
        var store = Store(new InfluxOptions { Username = "ingest", Password = "p&ss word" });

        await store.WriteAsync(Samples(1));

        Assert.EndsWith("&u=ingest&p=p%26ss%20word", Assert.Single(influx.Requests).Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WritesNothing_ForNoSamples()
    {
        var store = Store(new InfluxOptions());

        await store.WriteAsync([]);

        Assert.Empty(influx.Requests);
    }

    [Fact]
    public async Task WriteAsync_RetriesA503_AfterABackOff_ThenSucceeds()
    {
        influx.Then(HttpStatusCode.ServiceUnavailable, """{"error":"engine: cache-max-memory-size exceeded"}""");
        var store = Store(new InfluxOptions { RetryBaseDelay = TimeSpan.FromSeconds(1) });

        var write = store.WriteAsync(Samples(3));
        var backOff = await time.NextTimerAsync();
        time.Advance(backOff);
        await write;

        Assert.InRange(backOff, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.Equal(2, influx.Requests.Count);
        Assert.Equal(influx.Requests[0].Body, influx.Requests[1].Body);
    }

    [Fact]
    public async Task WriteAsync_BacksOffExponentially_BetweenRetries()
    {
        influx.Then(HttpStatusCode.InternalServerError).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.ServiceUnavailable);
        var store = Store(new InfluxOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(3) });

        var write = store.WriteAsync(Samples(1));
        var delays = new List<TimeSpan>();
        for (var retry = 0; retry < 3; retry++)
        {
            delays.Add(await time.NextTimerAsync());
            time.Advance(delays[^1]);
        }

        await write;

        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)); // capped at MaxRetryDelay
        Assert.Equal(4, influx.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_HonoursRetryAfter_OnA429()
    {
        influx.Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));
        var store = Store(new InfluxOptions());

        var write = store.WriteAsync(Samples(1));
        var wait = await time.NextTimerAsync();
        time.Advance(wait);
        await write;

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal(2, influx.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_RetriesANetworkError()
    {
        influx.ThenNetworkError();
        var store = Store(new InfluxOptions());

        var write = store.WriteAsync(Samples(1));
        time.Advance(await time.NextTimerAsync());
        await write;

        Assert.Equal(2, influx.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_DoesNotRetryA400_AndThrowsWithInfluxDbsError()
    {
        const string error = """{"error":"unable to parse 'telemetry,device=x': missing fields"}""";
        influx.Then(HttpStatusCode.BadRequest, error);
        var store = Store(new InfluxOptions());

        var thrown = await Assert.ThrowsAsync<InfluxWriteException>(() => store.WriteAsync(Samples(1)));

        Assert.Contains("unable to parse 'telemetry,device=x': missing fields", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, thrown.StatusCode);
        Assert.Equal(error, thrown.ResponseBody);
        Assert.Single(influx.Requests);
        Assert.Equal(0, time.TimersCreated);
    }

    [Fact]
    public async Task WriteAsync_GivesUp_AfterMaxRetries_WithTheLastError()
    {
        for (var i = 0; i < 3; i++)
        {
            influx.Then(HttpStatusCode.ServiceUnavailable, """{"error":"still down"}""");
        }

        var store = Store(new InfluxOptions { MaxRetries = 2 });

        var write = store.WriteAsync(Samples(1));
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());
        var thrown = await Assert.ThrowsAsync<InfluxWriteException>(() => write);

        Assert.Equal(3, influx.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
        Assert.Contains("still down", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_StopsWaiting_WhenCancelled()
    {
        influx.Then(HttpStatusCode.ServiceUnavailable);
        var store = Store(new InfluxOptions());
        using var cancellation = new CancellationTokenSource();

        var write = store.WriteAsync(Samples(1), cancellation.Token);
        await time.NextTimerAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Single(influx.Requests);
    }

    private InfluxLineProtocolStore Store(InfluxOptions options)
    {
        options.Url ??= new Uri("http://influx.test:8086");
        if (string.IsNullOrEmpty(options.Database))
        {
            options.Database = "telemetry";
        }

        return new InfluxLineProtocolStore(new HttpClient(influx), Options.Create(options), time,
            NullLogger<InfluxLineProtocolStore>.Instance);
    }

    private static StoredSample[] Samples(int count) =>
        Enumerable.Range(0, count)
            .Select(seq => new StoredSample("pump-1", seq, Ts.AddSeconds(seq), new Dictionary<string, double> { ["rms"] = seq / 10.0 }))
            .ToArray();
}
