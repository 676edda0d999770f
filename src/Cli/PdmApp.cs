using System.CommandLine;
using WorkOrders.Cli.Detect;
using WorkOrders.Cli.Model;
using WorkOrders.Cli.Rul;

namespace WorkOrders.Cli;

/// <summary>The <c>pdm</c> command line: offline anomaly scoring and remaining-useful-life models.</summary>
public static class PdmApp
{
    public static RootCommand Build(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new RootCommand("pdm: predictive-maintenance tools")
        {
            DetectCommand.Create(console),
            RulCommand.Create(console),
            ModelCommand.Create(console),
        };
    }

    public static Task<int> RunAsync(string[] args, CliConsole console, TextWriter output, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = console.Error };
        return Build(console).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
