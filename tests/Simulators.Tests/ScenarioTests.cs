namespace WorkOrders.Simulators.Tests;

public class ScenarioTests
{
    private const string Valid = """
        {
          "name": "valid",
          "seed": 5,
          "sites": [ { "name": "s", "latitude": 50, "longitude": 8 } ],
          "fleet": [ { "assetType": "pump", "site": "s", "count": 2 } ],
          "faults": [ { "device": "s-pump-01", "kind": "cavitation", "beginsAtSeconds": 0, "timeToFailureSeconds": 3600 } ],
        }
        """;

    [Fact]
    public void AValidScenario_Parses_WithDefaultsForWhatItLeavesOut()
    {
        var scenario = Scenario.Parse(Valid);

        Assert.Equal(5, scenario.Seed);
        Assert.Equal(10, scenario.PublishIntervalSeconds);
        Assert.Empty(scenario.Maintenance);
        Assert.Empty(scenario.Network.Disconnects);
        Assert.Equal(0.002, scenario.Sensors.DropoutProbability);
    }

    [Theory]
    [InlineData("\"fleet\": [ { \"assetType\": \"pump\"", "\"fleet\": [ { \"assetType\": \"turbine\"", "fleet[0].assetType")]
    [InlineData("\"site\": \"s\"", "\"site\": \"nowhere\"", "fleet[0].site")]
    [InlineData("\"count\": 2", "\"count\": 0", "fleet[0].count")]
    [InlineData("\"device\": \"s-pump-01\"", "\"device\": \"s-pump-09\"", "faults[0].device")]
    [InlineData("\"kind\": \"cavitation\"", "\"kind\": \"rust\"", "faults[0].kind")]
    [InlineData("\"timeToFailureSeconds\": 3600", "\"timeToFailureSeconds\": 0", "faults[0].timeToFailureSeconds")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"speedUp\": -1,", "speedUp")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"publishIntervalSeconds\": 0,", "publishIntervalSeconds")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"network\": { \"duplicateProbability\": 2 },", "network.duplicateProbability")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"network\": { \"disconnects\": [ { \"device\": \"x\", \"atSeconds\": 1, \"forSeconds\": 1 } ] },", "network.disconnects[0].device")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"maintenance\": [ { \"device\": \"s-pump-02\" } ],", "maintenance[0]")]
    [InlineData("\"seed\": 5,", "\"seed\": \"five\",", "seed")]
    [InlineData("\"seed\": 5,", "\"seed\": 5, \"colour\": \"red\",", "colour")]
    [InlineData("\"latitude\": 50", "\"latitude\": 95", "sites[0].latitude")]
    public void ABadScenario_IsRejected_NamingTheField(string find, string replace, string field)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => Scenario.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CavitationOfAMotor_IsRejected()
    {
        var json = Valid.Replace("\"assetType\": \"pump\"", "\"assetType\": \"motor\"", StringComparison.Ordinal)
            .Replace("s-pump-01", "s-motor-01", StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => Scenario.Parse(json));

        Assert.Equal("faults[0].kind", error.Field);
        Assert.Contains("pumps only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheFile_AndTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Valid.Replace("\"count\": 2", "\"count\": -3", StringComparison.Ordinal));
        try
        {
            var error = Assert.Throws<ScenarioException>(() => Scenario.Load(path));

            Assert.Equal(path, error.File);
            Assert.Equal("fleet[0].count", error.Field);
            Assert.StartsWith($"{path}: fleet[0].count: ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_OfAMissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<ScenarioException>(() => Scenario.Load(path));

        Assert.Equal(path, error.File);
    }

    [Fact]
    public void TheBuiltInDemo_IsTheScenarioFileInTheRepository()
    {
        var file = Scenario.Load(Path.Combine(RepositoryRoot(), "simulators", "scenarios", "demo.json"));

        Assert.Equal(file.ToJson(), BuiltInScenarios.Demo.ToJson());
    }

    [Fact]
    public void EveryExampleScenario_IsValid()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "simulators", "scenarios"), "*.json");

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.NotEmpty(new FleetModel(Scenario.Load(f)).Devices));
    }

    [Fact]
    public void AScenario_SurvivesARoundTripThroughJson()
    {
        var scenario = BuiltInScenarios.Demo;

        var again = Scenario.Parse(scenario.ToJson());

        Assert.Equal(scenario.ToJson(), again.ToJson());
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WorkOrders.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WorkOrders.sln not found above the test binaries.");
    }
}
