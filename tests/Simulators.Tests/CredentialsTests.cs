using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Testing;

namespace WorkOrders.Simulators.Tests;

/// <summary>A broker that wants a password per device: each device logs in with its own, from the scenario's templates.</summary>
public sealed class CredentialsTests : IAsyncLifetime
{
    private const string Prefix = "cred";
    private readonly string _directory = Directory.CreateTempSubdirectory("pdm-sim-auth-").FullName;
    private MosquittoServer? _broker;

    public async Task InitializeAsync()
    {
        var passwords = Path.Combine(_directory, "passwords");
        foreach (var device in new[] { "pump", "motor", "compressor" })
        {
            await PasswdAsync(passwords, $"{Prefix}-{device}-01", $"pw-{Prefix}-{device}-01");
        }

        await PasswdAsync(passwords, "reader", "reader-pw");
        _broker = new MosquittoServer { ExtraConfig = $"allow_anonymous false\npassword_file {passwords}" };
        await _broker.InitializeAsync();
    }

    [Fact]
    public async Task EachDevice_LogsInWithItsOwnCredentials_AndAnUnknownOneIsRefused()
    {
        var scenario = TestScenarios.OneOfEach(Prefix, intervalSeconds: 10) with
        {
            SpeedUp = 1_000_000,
            DurationSeconds = 300,
            Credentials = new CredentialsSpec("{deviceId}", "pw-{deviceId}"),
        };
        await using var recorder = await TopicRecorder.StartAsync(_broker!.Host, _broker.Port, TelemetryTopics.TelemetryWildcard, Prefix, new DeviceCredentials("reader", "reader-pw"));
        await using var publisher = new MqttFleetPublisher(new FleetModel(scenario), new MqttFleetOptions(_broker.Host, _broker.Port), TimeProvider.System, NullLogger<MqttFleetPublisher>.Instance);

        await publisher.RunAsync();

        await Eventually.AssertAsync(() => Task.FromResult(recorder.SeqsByDevice().Values.Sum(s => s.Count) == 90), TimeSpan.FromSeconds(30), "30 samples from each of the 3 known devices");
        Assert.Equal([$"{Prefix}-compressor-01", $"{Prefix}-motor-01", $"{Prefix}-pump-01"], recorder.SeqsByDevice().Keys.Order());
        Assert.True(publisher.Progress.Errors > 0, "the fan has no password and must fail to connect");
        Assert.Equal(90, publisher.Progress.Acked);
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static async Task PasswdAsync(string file, string user, string password)
    {
        var arguments = File.Exists(file) ? new[] { "-b", file, user, password } : ["-b", "-c", file, user, password];
        using var process = Process.Start(new ProcessStartInfo("mosquitto_passwd", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
    }
}
