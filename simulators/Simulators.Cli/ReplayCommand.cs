using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace WorkOrders.Simulators.Cli;

/// <summary><c>replay --csv FILE --device ID --broker host:port --speed X</c>.</summary>
internal static class ReplayCommand
{
    public static Command Create(IAnsiConsole console, TimeProvider time)
    {
        var csvOption = new Option<string>("--csv") { Description = "CSV with a ts/timestamp/time column and one column per reading", Required = true };
        var deviceOption = new Option<string>("--device") { Description = "Device id to publish as", Required = true };
        var brokerOption = CommonOptions.Broker();
        var speedOption = new Option<double>("--speed") { Description = "Recorded seconds per real second", DefaultValueFactory = _ => 1 };
        var rebaseOption = new Option<bool>("--rebase-time") { Description = "Shift timestamps so the first sample is now" };
        var usernameOption = new Option<string?>("--username") { Description = "MQTT username of the device" };
        var passwordOption = new Option<string?>("--password") { Description = "MQTT password of the device" };
        var verboseOption = CommonOptions.Verbose();

        var command = new Command("replay", "Stream a CSV of timestamped readings as one device")
        {
            csvOption, deviceOption, brokerOption, speedOption, rebaseOption, usernameOption, passwordOption, verboseOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(csvOption)!;
            ReplayRecording recording;
            try
            {
                recording = ReplayRecording.Load(path);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]{(ex is FormatException ? ex.Message : $"{path}: {ex.Message}")}[/]");
                return ExitCodes.BadInput;
            }

            var deviceId = parse.GetValue(deviceOption)!;
            var speed = parse.GetValue(speedOption);
            if (!CommonOptions.TryBroker(console, parse.GetValue(brokerOption), out var broker))
            {
                return ExitCodes.BadInput;
            }

            if (!double.IsFinite(speed) || speed <= 0 || deviceId.Length == 0 || deviceId.Any(c => c is '/' or '+' or '#'))
            {
                console.MarkupLine("[red]--speed must be positive and --device a topic-safe id[/]");
                return ExitCodes.BadInput;
            }

            var credentials = parse.GetValue(usernameOption) is { } user ? new DeviceCredentials(user, parse.GetValue(passwordOption) ?? "") : null;
            var options = new MqttFleetOptions(broker.Host, broker.Port) { CredentialsFor = _ => credentials };
            using var logging = CommonOptions.Logging(parse.GetValue(verboseOption));
            await using var publisher = new MqttReplayPublisher(
                recording, deviceId, options, speed, time, logging.CreateLogger<MqttReplayPublisher>(),
                parse.GetValue(rebaseOption) ? time.GetUtcNow() : null);
            var run = publisher.RunAsync(cancellationToken);
            await ProgressView.ShowAsync(console, $"{path} as {deviceId} → {broker.Host}:{broker.Port} at {speed}x", () => publisher.Progress, run, time);
            await run;
            return publisher.Progress.Errors > 0 ? ExitCodes.RunFailed : ExitCodes.Ok;
        });
        return command;
    }
}
