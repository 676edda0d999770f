using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

/// <summary>Against a real InfluxDB 1.x started by <see cref="InfluxDbServer"/>; each test has its own database.</summary>
public sealed class InfluxLineProtocolStoreIntegrationTests(InfluxDbServer influx) : IClassFixture<InfluxDbServer>
{
    private const int Devices = 4;
    private const int SamplesPerDevice = 3_000;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public async Task Writes12000SamplesOfSeveralDevices_AndEverySeqComesBackExactlyOnce()
    {
        var database = await influx.CreateDatabaseAsync();
        var store = Store(database);
        var samples = Fleet();

        await store.WriteAsync(samples);

        for (var device = 0; device < Devices; device++)
        {
            var seqs = await SeqsAsync(database, $"dev-{device}");
            Assert.Equal(Enumerable.Range(0, SamplesPerDevice).Select(seq => (long)seq), seqs.Order());
        }
    }

    [Fact]
    public async Task WritingTheSameBatchTwice_StillCountsEachSeqOnce()
    {
        var database = await influx.CreateDatabaseAsync();
        var store = Store(database);
        var samples = Fleet();
        await store.WriteAsync(samples);

        await store.WriteAsync(samples);
        await store.WriteAsync(samples.Take(100).ToList());

        using var counts = await influx.QueryAsync(database, "SELECT count(seq) FROM telemetry GROUP BY device");
        var series = counts.RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(Devices, series.Count);
        Assert.All(series, s => Assert.Equal(SamplesPerDevice, s.GetProperty("values")[0][1].GetInt64()));
    }

    [Fact]
    public async Task ADeviceIdAndReadingNamesNeedingEscaping_RoundTripExactly()
    {
        var database = await influx.CreateDatabaseAsync();
        var store = Store(database);
        const string deviceId = "pump 7,line=A \"west\"";
        var readings = new Dictionary<string, double> { ["bearing temp,°C"] = 71.5, ["rpm=x y"] = 1480, ["gap"] = double.NaN };

        await store.WriteAsync([new StoredSample(deviceId, 9, Start, readings)]);

        using var answer = await influx.QueryAsync(database, "SELECT * FROM telemetry");
        var series = answer.RootElement.GetProperty("results")[0].GetProperty("series")[0];
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var row = series.GetProperty("values")[0];
        Assert.Equal(["time", "bearing temp,°C", "device", "rpm=x y", "seq"], columns);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), row[0].GetInt64());
        Assert.Equal(71.5, row[1].GetDouble());
        Assert.Equal(deviceId, row[2].GetString());
        Assert.Equal(1480, row[3].GetDouble());
        Assert.Equal(9, row[4].GetInt64());
    }

    [Fact]
    public async Task AnUnknownDatabase_IsRefused_WithInfluxDbsError()
    {
        var store = Store($"missing_{Guid.NewGuid():N}");

        var thrown = await Assert.ThrowsAsync<InfluxWriteException>(() => store.WriteAsync(Fleet().Take(1).ToList()));

        Assert.Contains("database not found", thrown.Message, StringComparison.Ordinal);
    }

    private InfluxLineProtocolStore Store(string database) => new(
        new HttpClient(),
        Options.Create(new InfluxOptions { Url = influx.BaseAddress, Database = database }),
        TimeProvider.System,
        NullLogger<InfluxLineProtocolStore>.Instance);

    private static List<StoredSample> Fleet() =>
        Enumerable.Range(0, SamplesPerDevice)
            .SelectMany(seq => Enumerable.Range(0, Devices).Select(device => new StoredSample(
                $"dev-{device}", seq, Start.AddMilliseconds(seq * 100L),
                new Dictionary<string, double>
                {
                    ["rms"] = seq * 0.001 + device,
                    ["temperature"] = seq % 97 == 0 ? double.NaN : 20 + (seq % 10),
                })))
            .ToList();

    private async Task<List<long>> SeqsAsync(string database, string deviceId)
    {
        using var answer = await influx.QueryAsync(database, $"SELECT seq FROM telemetry WHERE device = '{deviceId}'");
        return answer.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")
            .EnumerateArray().Select(row => row[1].GetInt64()).ToList();
    }
}
