using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.Lifecycle;

/// <summary>Training reads a device's history back: the same range from the embedded store and from a real InfluxDB.</summary>
public sealed class TelemetryRangeReadTests(InfluxDbServer influx) : IClassFixture<InfluxDbServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workorders-range-{Guid.NewGuid():N}");
    private SqliteTelemetryStore? sqlite;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (sqlite is not null)
        {
            await sqlite.DisposeAsync();
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Sqlite_ReadsOneDevicesSamplesInTheHalfOpenRange_OldestFirst() => await ReadsTheRangeAsync(Sqlite());

    [Fact]
    public async Task Influx_ReadsOneDevicesSamplesInTheHalfOpenRange_OldestFirst() =>
        await ReadsTheRangeAsync(await InfluxAsync());

    [Fact]
    public async Task Influx_ReadsPastOnePage_AndADeviceIdWithQuotes()
    {
        var store = await InfluxAsync();
        const string deviceId = "pump 'north'\\7";
        var samples = Enumerable.Range(0, 12_500).Select(i => Sample(deviceId, i)).ToList();
        await store.WriteAsync(samples);

        var read = await store.ReadRangeAsync(deviceId, Start, Start.AddDays(1));

        Assert.Equal(samples.Select(s => s.Seq), read.Select(s => s.Seq));
        Assert.All(read, s => Assert.Equal(deviceId, s.DeviceId));
    }

    private static async Task ReadsTheRangeAsync(ITelemetryStore store)
    {
        var samples = Enumerable.Range(0, 100).Select(i => Sample("pump-1", i))
            .Concat(Enumerable.Range(0, 100).Select(i => Sample("pump-2", i)))
            .ToList();
        await store.WriteAsync(samples);

        var read = await store.ReadRangeAsync("pump-1", Start.AddSeconds(10), Start.AddSeconds(20));

        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), read.Select(s => s.Seq));
        Assert.Equal(Start.AddSeconds(10), read[0].Timestamp);
        Assert.Equal(new Dictionary<string, double> { ["vibration_rms_g"] = 0.3 + 10 / 1000.0, ["temperature_c"] = 60.5 }, read[0].Readings);
        Assert.All(read, s => Assert.Equal("pump-1", s.DeviceId));
    }

    private static StoredSample Sample(string deviceId, int i) => new(
        deviceId, i, Start.AddSeconds(i), new Dictionary<string, double> { ["vibration_rms_g"] = 0.3 + i / 1000.0, ["temperature_c"] = 60.5 });

    private SqliteTelemetryStore Sqlite() => sqlite = new SqliteTelemetryStore(
        Options.Create(new EmbeddedStoreOptions { Path = Path.Combine(directory, "telemetry.db"), Retention = TimeSpan.FromDays(3650) }),
        new FakeTimeProvider(Start), NullLogger<SqliteTelemetryStore>.Instance);

    private async Task<InfluxLineProtocolStore> InfluxAsync() => new(
        new HttpClient(),
        Options.Create(new InfluxOptions { Url = influx.BaseAddress, Database = await influx.CreateDatabaseAsync() }),
        TimeProvider.System,
        NullLogger<InfluxLineProtocolStore>.Instance);
}
