using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;

namespace WorkOrders.EdgeAgent.Tests.Configuration;

public sealed class EdgeAgentOptionsValidationTests : IDisposable
{
    private readonly ScratchDirectory _directory = new();

    [Fact]
    public void AcceptsTheMinimalConfiguration()
    {
        var options = Resolve([]);

        Assert.Equal("pump-1", options.DeviceId);
        Assert.Equal(1000, options.PublishIntervalMs);
    }

    [Theory]
    [InlineData("EdgeAgent:Mqtt:Server", "broker-without-port")]
    [InlineData("EdgeAgent:DeviceId", "has/slash")]
    [InlineData("EdgeAgent:PublishIntervalMs", "5")]
    [InlineData("EdgeAgent:Outbox:Directory", "")]
    [InlineData("EdgeAgent:Outbox:MaxBytes", "5000")]
    [InlineData("EdgeAgent:Sensors:Vibration:SampleRateHz", "1000")]
    [InlineData("EdgeAgent:Sensors:Vibration:WindowSize", "1000")]
    [InlineData("EdgeAgent:Sensors:Environment:Address", "0x40")]
    [InlineData("EdgeAgent:Mqtt:ReconnectMaxDelayMs", "10")]
    [InlineData("EdgeAgent:Sensors:Analog:Channels:0:Name", "Current A")]
    [InlineData("EdgeAgent:Calibration:temperature_c:Scale", "0")]
    public void RejectsABadValue_NamingItsKey(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve([new(key, value)]));

        Assert.Contains(error.Failures, f => f.StartsWith(key + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsAValueOfTheWrongType_NamingItsKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve([new("EdgeAgent:PublishIntervalMs", "fast")]));

        Assert.True(StartupExitCodes.IsConfigurationBindingError(error));
        Assert.Contains("EdgeAgent:PublishIntervalMs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresIotHubSettings_OnlyForTheIotHubTransport()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve([new("EdgeAgent:Transport", "AzureIotHub")]));

        Assert.Contains(error.Failures, f => f.StartsWith("EdgeAgent:AzureIotHub:HostName:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("EdgeAgent:AzureIotHub:DeviceKey:", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsHexadecimalAddresses()
    {
        var options = Resolve([new("EdgeAgent:Sensors:Environment:Address", "0x77")]);

        Assert.Equal(0x77, options.Sensors.Environment.Address);
    }

    public void Dispose() => _directory.Dispose();

    private EdgeAgentOptions Resolve(KeyValuePair<string, string?>[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["EdgeAgent:DeviceId"] = "pump-1",
            ["EdgeAgent:Mqtt:Server"] = "localhost:1883",
            ["EdgeAgent:Outbox:Directory"] = _directory.Path,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddLogging()
            .AddEdgeAgent();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EdgeAgentOptions>>().Value;
    }
}
