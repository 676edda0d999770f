using Spectre.Console;
using WorkOrders.Simulators.Cli;

if (Console.IsOutputRedirected)
{
    // Plain progress lines in logs and CI: do not wrap them at 80 columns.
    AnsiConsole.Profile.Width = 240;
}

return await SimulatorApp.RunAsync(args, AnsiConsole.Console);
