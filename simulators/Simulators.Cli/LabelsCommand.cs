using System.CommandLine;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary><c>labels --scenario FILE [--out FILE]</c>: validates a scenario and prints (or writes) its ground truth without publishing.</summary>
internal static class LabelsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var scenarioOption = new Option<string>("--scenario") { Description = "Scenario JSON file", Required = true };
        var outOption = new Option<string?>("--out") { Description = "Write here (.json for JSON, CSV otherwise) instead of printing CSV" };
        var command = new Command("labels", "Validate a scenario and print its ground truth") { scenarioOption, outOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Scenario scenario;
            try
            {
                scenario = Scenario.Load(parse.GetValue(scenarioOption)!);
            }
            catch (ScenarioException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return ExitCodes.BadInput;
            }

            var model = new FleetModel(scenario);
            if (parse.GetValue(outOption) is { } path)
            {
                await FaultLabelsFile.WriteAsync(path, model.Labels, cancellationToken);
                console.MarkupLineInterpolated($"{model.Devices.Count} devices; ground truth for {model.Labels.Count} faults written to {path}");
            }
            else
            {
                console.Write(new Text(FaultLabelsFile.ToCsv(model.Labels)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
