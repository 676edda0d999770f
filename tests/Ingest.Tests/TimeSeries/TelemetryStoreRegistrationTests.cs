using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class TelemetryStoreRegistrationTests
{
    [Fact]
    public async Task WithoutAProvider_TheEmbeddedSqliteStoreIsRegistered()
    {
        await using var services = Build(new() { ["TimeSeries:Embedded:Path"] = TempDatabase() });

        var store = services.GetRequiredService<ITelemetryStore>();

        Assert.IsType<SqliteTelemetryStore>(store);
        Assert.Same(store, services.GetRequiredService<SqliteTelemetryStore>());
    }

    [Fact]
    public async Task ProviderInflux_RegistersTheLineProtocolStore_WithItsBoundOptions()
    {
        await using var services = Build(new()
        {
            ["TimeSeries:Provider"] = "Influx",
            ["Influx:Url"] = "http://127.0.0.1:8086",
            ["Influx:Database"] = "telemetry",
            ["Influx:BatchSize"] = "1000",
            ["Influx:RetryBaseDelay"] = "00:00:02",
        });

        var store = services.GetRequiredService<ITelemetryStore>();
        var options = services.GetRequiredService<IOptions<InfluxOptions>>().Value;

        Assert.IsType<InfluxLineProtocolStore>(store);
        Assert.Equal(1000, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
    }

    [Theory]
    [InlineData(null, "telemetry", "Url")]
    [InlineData("localhost:8086", "telemetry", "absolute http(s) URI")]
    [InlineData("http://127.0.0.1:8086", null, "Database")]
    public async Task ProviderInflux_FailsAtStartUp_NamingTheBadSetting(string? url, string? database, string expected)
    {
        await using var services = Build(new()
        {
            ["TimeSeries:Provider"] = "Influx", ["Influx:Url"] = url, ["Influx:Database"] = database,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedded_FailsAtStartUp_ForANonPositiveRetention()
    {
        await using var services = Build(new() { ["TimeSeries:Embedded:Retention"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Retention", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WalAutoCheckpointPages", "10")]
    [InlineData("RestartLogAfterPages", "10")]
    [InlineData("RestartCatchUpPasses", "-1")]
    [InlineData("RestartCatchUpPasses", "11")]
    public async Task Embedded_FailsAtStartUp_NamingAWriteAheadLogSettingOutOfRange(string key, string value)
    {
        await using var services = Build(new() { [$"TimeSeries:Embedded:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:11:00")]
    public async Task Embedded_FailsAtStartUp_ForACheckpointIntervalOutOfRange(string interval)
    {
        await using var services = Build(new() { ["TimeSeries:Embedded:CheckpointInterval"] = interval });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TimeSeries:Embedded:CheckpointInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProvider_IsRefused_NamingTheKeyAndTheChoices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TimeSeries:Provider"] = "Mongo" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTelemetryStore(configuration));

        Assert.Contains("TimeSeries:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Influx'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddTelemetryStore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static string TempDatabase() =>
        Path.Combine(Path.GetTempPath(), $"workorders-registration-{Guid.NewGuid():N}", "telemetry.db");
}
