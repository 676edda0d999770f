using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class E2eOptionsTests
{
    [Fact]
    public void TakesTheDocumentedDefaults_WhenOnlyDevicesAndSecondsAreGiven()
    {
        var options = E2eOptions.Parse(["--devices", "20", "--seconds", "2.5"]);

        Assert.Equal(20, options.Devices);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Duration);
        Assert.Null(options.Broker);
        Assert.Null(options.ExternalBroker);
        Assert.Null(options.Postgres);
        Assert.Null(options.Influx);
        Assert.Null(options.LatencyRate);
        Assert.Equal(TimeSpan.FromMinutes(10), options.DrainTimeout);
        Assert.Equal(4_000, options.Window);
        Assert.Equal(1, options.PerConnection);
        Assert.Empty(options.Settings);
        Assert.Equal(5, options.MemoryRounds);
        Assert.Equal(TimeSpan.FromSeconds(65), options.MemoryIdle);
    }

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(1_001, 2)]
    [InlineData(10_000, 10)]
    public void SharesConnections_SoThatThereAreAtMostAThousand(int devices, int perConnection)
    {
        var options = E2eOptions.Parse(["--devices", $"{devices}", "--seconds", "60"]);

        Assert.Equal(perConnection, options.PerConnection);
    }

    [Fact]
    public void ReadsEveryOption_WhenAllAreGiven()
    {
        var options = E2eOptions.Parse([
            "--devices", "100", "--seconds", "60", "--broker", "mqtt.local:1884", "--postgres", "Host=db",
            "--influx", "http://influx:8086/", "--influx-db", "pdm", "--devices-per-connection", "4", "--latency-rate", "250",
            "--window", "500", "--drain-timeout", "30", "--set", "Ingest:Mqtt:BatchSize=2000", "--set", "A=b=c",
            "--memory-rounds", "2", "--memory-idle", "0",
        ]);

        Assert.Equal(("mqtt.local", 1884), options.ExternalBroker);
        Assert.Equal("Host=db", options.Postgres);
        Assert.Equal(new Uri("http://influx:8086/"), options.Influx);
        Assert.Equal("pdm", options.InfluxDatabase);
        Assert.Equal(4, options.PerConnection);
        Assert.Equal(250, options.LatencyRate);
        Assert.Equal(500, options.Window);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DrainTimeout);
        Assert.Equal("2000", options.Settings["Ingest:Mqtt:BatchSize"]);
        Assert.Equal("b=c", options.Settings["A"]);
        Assert.Equal(2, options.MemoryRounds);
        Assert.Equal(TimeSpan.Zero, options.MemoryIdle);
    }

    [Theory]
    [InlineData("--devices", "0")]
    [InlineData("--devices", "-3")]
    [InlineData("--devices", "2.5")]
    [InlineData("--devices", "many")]
    [InlineData("--seconds", "0")]
    [InlineData("--seconds", "soon")]
    [InlineData("--broker", "localhost")]
    [InlineData("--broker", "localhost:0")]
    [InlineData("--broker", "localhost:70000")]
    [InlineData("--influx", "influx:8086")]
    [InlineData("--devices-per-connection", "0")]
    [InlineData("--latency-rate", "-1")]
    [InlineData("--window", "0")]
    [InlineData("--drain-timeout", "0")]
    [InlineData("--set", "NoEquals")]
    [InlineData("--set", "=value")]
    [InlineData("--memory-rounds", "1")]
    [InlineData("--memory-idle", "-1")]
    public void RejectsABadValue_NamingTheOption(string option, string value)
    {
        var args = new List<string> { "--devices", "20", "--seconds", "5" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var error = Assert.Throws<ArgumentException>(() => E2eOptions.Parse(args));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seconds", "5")]
    [InlineData("--devices", "20")]
    public void RejectsTheArguments_WhenDevicesOrSecondsIsMissing(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => E2eOptions.Parse([option, value]));

        Assert.Contains("--devices and --seconds are required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnOptionWithoutItsValue_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => E2eOptions.Parse(["--devices", "20", "--seconds"]));

        Assert.Equal("--seconds needs a value.", error.Message);
    }

    [Fact]
    public void RejectsAnUnknownArgument_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => E2eOptions.Parse(["--devices", "20", "--seconds", "5", "--turbo"]));

        Assert.Equal("Unknown argument '--turbo'.", error.Message);
    }

    [Theory]
    [InlineData("--influx", "http://influx:8086/")]
    [InlineData("--influx-db", "pdm")]
    public void RejectsInfluxWithoutItsDatabase_OrTheOtherWayRound(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => E2eOptions.Parse(["--devices", "20", "--seconds", "5", option, value]));

        Assert.Equal("--influx and --influx-db go together.", error.Message);
    }

    [Fact]
    public void DocumentsEveryOption_ItParses()
    {
        string[] options =
        [
            "--devices", "--seconds", "--broker", "--postgres", "--influx", "--influx-db", "--devices-per-connection",
            "--latency-rate", "--window", "--drain-timeout", "--set", "--memory-rounds", "--memory-idle",
        ];

        Assert.All(options, option => Assert.Contains(option + " ", E2eOptions.Usage, StringComparison.Ordinal));
    }
}
