using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary>Options shared by the publishing commands, and the checks every command makes on them.</summary>
internal static class CommonOptions
{
    public static Option<string> Broker() => new("--broker") { Description = "MQTT broker as host:port", Required = true };

    public static Option<bool> Verbose() => new("--verbose") { Description = "Log connection events to stderr" };

    public static bool TryBroker(IAnsiConsole console, string? text, out BrokerAddress broker)
    {
        if (BrokerAddress.TryParse(text, out broker))
        {
            return true;
        }

        console.MarkupLineInterpolated($"[red]--broker: '{text}' is not host:port[/]");
        return false;
    }

    /// <summary>Logs go to stderr so they never tear the live table on stdout.</summary>
    public static ILoggerFactory Logging(bool verbose) => LoggerFactory.Create(logging => logging
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Error));
}
