using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary><c>run --scenario FILE --broker host:port [--labels OUT] [--duration S]</c>.</summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console, TimeProvider time)
    {
        var scenarioOption = new Option<string>("--scenario") { Description = "Scenario JSON file (see simulators/scenarios/)", Required = true };
        var brokerOption = CommonOptions.Broker();
        var labelsOption = new Option<string?>("--labels") { Description = "Write ground truth here (.json for JSON, CSV otherwise)" };
        var durationOption = new Option<double?>("--duration") { Description = "Stop after this many real seconds (default: the scenario's duration, else Ctrl+C)" };
        var perConnectionOption = new Option<int>("--devices-per-connection") { Description = "Devices sharing one MQTT connection (1 = one per device, like edge agents)", DefaultValueFactory = _ => 1 };
        var clientPrefixOption = new Option<string>("--client-id-prefix") { Description = "Prefix of MQTT client ids", DefaultValueFactory = _ => "" };
        var startOption = new Option<string?>("--start") { Description = "Override the scenario's start: ISO 8601, 'now' or 'now-6h' (ingest rejects timestamps over 5 min ahead or 30 days old)" };
        var timestampsOption = new Option<string?>("--timestamps") { Description = "'simulated' or 'wallClock' (real clock; physics keep the simulated pace); default: the scenario's" };
        var verboseOption = CommonOptions.Verbose();

        var command = new Command("run", "Publish a scenario's fleet to a broker in accelerated real time")
        {
            scenarioOption, brokerOption, labelsOption, durationOption, perConnectionOption, clientPrefixOption, startOption, timestampsOption, verboseOption,
        };
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

            if (!CommonOptions.TryBroker(console, parse.GetValue(brokerOption), out var broker))
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(durationOption) is <= 0 || parse.GetValue(perConnectionOption) < 1)
            {
                console.MarkupLine("[red]--duration and --devices-per-connection must be positive[/]");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(startOption) is { } startText)
            {
                if (!StartTime.TryParse(startText, time.GetUtcNow(), out var start))
                {
                    console.MarkupLineInterpolated($"[red]--start: '{startText}' is neither an ISO 8601 time, 'now' nor 'now-6h'[/]");
                    return ExitCodes.BadInput;
                }

                scenario = scenario with { Start = start };
            }

            var timestamps = parse.GetValue(timestampsOption);
            if (timestamps is not null && !TimestampModes.All.Contains(timestamps))
            {
                console.MarkupLineInterpolated($"[red]--timestamps: '{timestamps}' is not one of {string.Join(", ", TimestampModes.All)}[/]");
                return ExitCodes.BadInput;
            }

            var model = new FleetModel(scenario);
            if (parse.GetValue(labelsOption) is { } labelsPath)
            {
                await FaultLabelsFile.WriteAsync(labelsPath, model.Labels, cancellationToken);
                console.MarkupLineInterpolated($"Ground truth for {model.Labels.Count} faults written to {labelsPath}");
            }

            var options = new MqttFleetOptions(broker.Host, broker.Port)
            {
                DevicesPerConnection = parse.GetValue(perConnectionOption),
                ClientIdPrefix = parse.GetValue(clientPrefixOption) ?? "",
                WallClockTimestamps = timestamps is null ? null : timestamps == TimestampModes.WallClock,
            };
            using var logging = CommonOptions.Logging(parse.GetValue(verboseOption));
            await using var publisher = new MqttFleetPublisher(model, options, time, logging.CreateLogger<MqttFleetPublisher>());
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(durationOption) is { } seconds)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            var run = publisher.RunAsync(stop.Token);
            await ProgressView.ShowAsync(console, $"{scenario.Name} → {broker.Host}:{broker.Port} at {scenario.SpeedUp}x", () => publisher.Progress, run, time);
            await run;
            return publisher.Progress.Errors > 0 ? ExitCodes.RunFailed : ExitCodes.Ok;
        });
        return command;
    }
}
