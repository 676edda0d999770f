using System.CommandLine;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary>The <c>pdm-sim</c> command line: run a scenario against a broker, replay a CSV, write ground truth.</summary>
public static class SimulatorApp
{
    public static RootCommand Build(IAnsiConsole console, TimeProvider time) =>
        new("pdm-sim: simulated device fleets that publish MQTT exactly like the edge agent")
        {
            RunCommand.Create(console, time),
            ReplayCommand.Create(console, time),
            LabelsCommand.Create(console),
        };

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var configuration = new InvocationConfiguration { Output = new AnsiTextWriter(console), Error = new AnsiTextWriter(console) };
        return Build(console, TimeProvider.System).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
