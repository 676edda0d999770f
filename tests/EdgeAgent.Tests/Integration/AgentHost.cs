using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorkOrders.EdgeAgent.Tests.Integration;

/// <summary>The agent in the test's process: the real composition, in-memory configuration, simulated sensors.</summary>
public static class AgentHost
{
    public static Dictionary<string, string?> Settings(string deviceId, string host, int port, string outboxDirectory) => new()
    {
        ["EdgeAgent:DeviceId"] = deviceId,
        ["EdgeAgent:Mqtt:Server"] = $"{host}:{port}",
        ["EdgeAgent:Sensors:Simulated"] = "true",
        ["EdgeAgent:Outbox:Directory"] = outboxDirectory,
        ["EdgeAgent:Outbox:FlushToDisk"] = "false",
        ["EdgeAgent:SampleIntervalMs"] = "100",
        ["EdgeAgent:PublishIntervalMs"] = "100",
        ["EdgeAgent:Sensors:Vibration:WindowSize"] = "64",
        ["EdgeAgent:Mqtt:ReconnectMinDelayMs"] = "100",
        ["EdgeAgent:Mqtt:ReconnectMaxDelayMs"] = "1000",
    };

    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? timeProvider = null, ILoggerProvider? log = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(log is null ? LogLevel.Warning : LogLevel.Information);
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddEdgeAgent();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
