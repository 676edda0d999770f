using Spectre.Console;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Cli;
using WorkOrders.Testing;

namespace WorkOrders.Simulators.Tests;

[Collection(BrokerCollection.Name)]
public sealed class CliTests(BrokerFixture broker) : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("pdm-sim-").FullName;

    [Fact]
    public async Task Run_OfABadScenario_ExitsTwo_NamingTheFileAndTheField()
    {
        var path = Write("bad.json", """{ "sites": [ { "name": "s", "latitude": 1, "longitude": 1 } ], "fleet": [ { "assetType": "boiler", "site": "s", "count": 1 } ] }""");

        var exit = await RunAsync("run", "--scenario", path, "--broker", "127.0.0.1:1");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{path}: fleet[0].assetType: 'boiler' is not one of", Flat(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OfAMissingScenario_ExitsTwo()
    {
        var exit = await RunAsync("run", "--scenario", Path.Combine(_directory, "nope.json"), "--broker", "127.0.0.1:1");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("nope.json", Flat(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithABadBroker_ExitsTwo()
    {
        var exit = await RunAsync("run", "--scenario", DemoPath(), "--broker", "localhost:http");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--broker", Flat(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PublishesTheScenario_WritesLabels_AndSummarises()
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..8];
        var scenario = TestScenarios.OneOfEach(prefix, intervalSeconds: 10) with
        {
            SpeedUp = 1_000_000,
            DurationSeconds = 300,
            Faults = [new FaultSpec($"{prefix}-pump-01", FaultKinds.Cavitation, 0, 3600)],
        };
        var path = Write("fast.json", scenario.ToJson());
        var labels = Path.Combine(_directory, "labels.csv");
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.TelemetryWildcard, prefix);

        var exit = await RunAsync("run", "--scenario", path, "--broker", $"{broker.Host}:{broker.Port}", "--labels", labels);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Summary: 4 devices, 120 samples, 120 sent, 120 acknowledged, 0 errors", Flat(), StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(labels).Length);
        await Eventually.AssertAsync(() => Task.FromResult(recorder.SeqsByDevice().Values.Sum(s => s.Count) == 120), TimeSpan.FromSeconds(30), "120 samples at the subscriber");
    }

    [Fact]
    public async Task Replay_StreamsACsv_AsOneDevice_WithSeqFromOne()
    {
        var device = "r" + Guid.NewGuid().ToString("N")[..8];
        var csv = Write("trace.csv", "ts,temperature_c,rpm\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => $"2025-02-01T10:00:{i:D2}Z,{40 + (i * 0.1):0.0},1480")));
        await using var recorder = await TopicRecorder.StartAsync(broker.Host, broker.Port, TelemetryTopics.TelemetryWildcard, device);

        var exit = await RunAsync("replay", "--csv", csv, "--device", device, "--broker", $"{broker.Host}:{broker.Port}", "--speed", "100000");

        Assert.Equal(ExitCodes.Ok, exit);
        await Eventually.AssertAsync(() => Task.FromResult(recorder.SeqsByDevice().GetValueOrDefault(device)?.Count == 20), TimeSpan.FromSeconds(30), "20 replayed samples");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), recorder.SeqsByDevice()[device]);
    }

    [Fact]
    public async Task Replay_OfABadCsv_ExitsTwo_NamingTheLine()
    {
        var csv = Write("bad.csv", "ts,temperature_c\n2025-02-01T10:00:00Z,hot\n");

        var exit = await RunAsync("replay", "--csv", csv, "--device", "d", "--broker", "127.0.0.1:1", "--speed", "1");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{csv}:2: column 'temperature_c' holds 'hot'", Flat(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_PrintsTheGroundTruthOfTheDemo()
    {
        var exit = await RunAsync("labels", "--scenario", DemoPath());

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("plant-north-pump-02,bearing_wear,,2025-01-06T06:01:00.000Z", _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<int> RunAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = 500;
        return SimulatorApp.RunAsync(args, console);
    }

    /// <summary>The output on one line, however the console wrapped it.</summary>
    private string Flat() => _output.ToString().ReplaceLineEndings(" ");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string DemoPath() => Path.Combine(ScenarioTests.RepositoryRoot(), "simulators", "scenarios", "demo.json");
}
