using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit;

namespace WorkOrders.Testing;

/// <summary>
/// A throwaway mosquitto broker on a free loopback port with persistence, so persistent sessions and queued
/// QoS 1 messages survive <see cref="StopAsync"/> + <see cref="StartAsync"/> (same port, same data).
/// Local <c>mosquitto</c> binary (Debian package mosquitto), or a container when a Docker engine answers.
/// </summary>
/// <remarks>
/// xunit 2 builds a fixture only through a single public parameterless constructor, so extra configuration is an
/// init property: <c>new MosquittoServer { ExtraConfig = "max_keepalive 10" }</c> inside your own fixture.
/// </remarks>
public sealed class MosquittoServer : IAsyncLifetime
{
    private const int ContainerPort = 1883;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? directory;
    private ServerProcess? process;
    private OrphanGuard? guard;
    private IContainer? container;
    private bool containerRunning;

    /// <summary>Lines appended to the generated mosquitto.conf (set before the first start).</summary>
    public string? ExtraConfig { get; init; }

    public string Host { get; private set; } = "127.0.0.1";

    public int Port { get; private set; }

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the broker (again), on the same port and with the same persistence directory as before.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (DockerEngine.IsAvailable)
            {
                await StartContainerAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await StartLocalAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the broker cleanly (SIGTERM: it saves its database) and keeps its persistence directory.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (container is not null && containerRunning)
            {
                await container.StopAsync(ct).ConfigureAwait(false);
                containerRunning = false;
            }

            if (process is not null)
            {
                await process.StopAsync(StopGrace, ct).ConfigureAwait(false);
                process.Dispose();
                process = null;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (container is not null)
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }

        guard?.Dispose();
        TempDirectory.DeleteQuietly(directory);
        gate.Dispose();
    }

    private async Task StartLocalAsync(CancellationToken ct)
    {
        if (process is not null)
        {
            return;
        }

        var binary = LocalBinary.Find("mosquitto", "mosquitto");
        var firstStart = directory is null;
        if (firstStart)
        {
            directory = TempDirectory.Create("mosquitto");
            Directory.CreateDirectory(Path.Combine(directory, "data"));
            guard = OrphanGuard.Start(
                $"kill -9 \"$(cat {OrphanGuard.Quote(PidFile)})\" 2>/dev/null; rm -rf {OrphanGuard.Quote(directory)}");
        }

        for (var attempt = 1; ; attempt++)
        {
            if (firstStart)
            {
                Port = FreePort.Next();
            }

            var configFile = Path.Combine(directory!, "mosquitto.conf");
            await File.WriteAllTextAsync(configFile, Config($"{Port} 127.0.0.1", Path.Combine(directory!, "data")), ct)
                .ConfigureAwait(false);
            var started = ServerProcess.Start(binary, ["-c", configFile], directory);
            await File.WriteAllTextAsync(PidFile, started.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct)
                .ConfigureAwait(false);
            try
            {
                await Readiness.WaitForTcpAsync("mosquitto", Host, Port, started, ct).ConfigureAwait(false);
                process = started;
                return;
            }
            catch (ServerStartException ex) when (ex.IsPortConflict && firstStart && attempt < 3)
            {
                started.Dispose();
            }
            catch
            {
                started.Dispose();
                throw;
            }
        }
    }

    private async Task StartContainerAsync(CancellationToken ct)
    {
        if (containerRunning)
        {
            return;
        }

        if (container is null)
        {
            Port = FreePort.Next();
            container = new ContainerBuilder("eclipse-mosquitto:2.0")
                .WithPortBinding(Port, ContainerPort)
                .WithResourceMapping(Encoding.UTF8.GetBytes(Config($"{ContainerPort} 0.0.0.0", "/mosquitto/data")),
                    "/mosquitto/config/mosquitto.conf")
                .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(ContainerPort))
                .Build();
        }

        await container.StartAsync(ct).ConfigureAwait(false);
        Host = container.Hostname;
        containerRunning = true;
    }

    private string PidFile => Path.Combine(directory!, "mosquitto.pid");

    private string Config(string listener, string persistenceDirectory)
    {
        var config = new StringBuilder()
            .AppendLine($"listener {listener}")
            .AppendLine("allow_anonymous true")
            .AppendLine("persistence true")
            .AppendLine($"persistence_location {persistenceDirectory}/")
            .AppendLine("max_queued_messages 1000000")
            .AppendLine("max_queued_bytes 0")
            .AppendLine("max_inflight_messages 0")
            .AppendLine("set_tcp_nodelay true")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice");
        if (container is null && !DockerEngine.IsAvailable && Environment.IsPrivilegedProcess)
        {
            config.AppendLine("user root");
        }

        if (!string.IsNullOrWhiteSpace(ExtraConfig))
        {
            config.AppendLine(ExtraConfig);
        }

        return config.ToString();
    }
}
