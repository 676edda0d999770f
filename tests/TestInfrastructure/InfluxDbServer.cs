using System.Net;
using System.Text;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit;

namespace WorkOrders.Testing;

/// <summary>
/// A throwaway InfluxDB 1.x (<c>influxd -config FILE</c>, Debian package influxdb) on free loopback ports with its
/// data in a temp dir, or an influxdb:1.8 container when a Docker engine answers.
/// </summary>
public sealed class InfluxDbServer : IAsyncLifetime
{
    private const int ContainerPort = 8086;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private string? directory;
    private ServerProcess? process;
    private OrphanGuard? guard;
    private IContainer? container;

    /// <summary>The HTTP API, e.g. http://127.0.0.1:PORT/ (ends with a slash).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        if (DockerEngine.IsAvailable)
        {
            var port = FreePort.Next();
            container = new ContainerBuilder("influxdb:1.8")
                .WithPortBinding(port, ContainerPort)
                .WithEnvironment("INFLUXDB_REPORTING_DISABLED", "true")
                .WithEnvironment("INFLUXDB_HTTP_MAX_ROW_LIMIT", "0")
                .WithEnvironment("INFLUXDB_HTTP_LOG_ENABLED", "false")
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request =>
                    request.ForPort(ContainerPort).ForPath("/ping").ForStatusCode(HttpStatusCode.NoContent)))
                .Build();
            await container.StartAsync().ConfigureAwait(false);
            BaseAddress = new Uri($"http://{container.Hostname}:{port}/");
            return;
        }

        await StartLocalAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Creates a uniquely named database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var name = $"test_{Guid.NewGuid():N}";
        using var _ = await QueryAsync("", $"CREATE DATABASE \"{name}\"", ct).ConfigureAwait(false);
        return name;
    }

    /// <summary>
    /// Runs InfluxQL through <c>POST /query</c> (epoch=ms) and returns the JSON answer; throws when InfluxDB reports an
    /// error, for the request or for any statement.
    /// </summary>
    public async Task<JsonDocument> QueryAsync(string database, string influxQl, CancellationToken ct = default)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["db"] = database,
            ["q"] = influxQl,
            ["epoch"] = "ms",
        });
        using var response = await http.PostAsync(new Uri(BaseAddress, "query"), content, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"InfluxDB answered {(int)response.StatusCode} to '{influxQl}': {body}");
        }

        var document = JsonDocument.Parse(body);
        var error = FindError(document.RootElement);
        if (error is not null)
        {
            document.Dispose();
            throw new InvalidOperationException($"InfluxDB rejected '{influxQl}': {error}");
        }

        return document;
    }

    public async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }

        if (process is not null)
        {
            await process.StopAsync(StopGrace, CancellationToken.None).ConfigureAwait(false);
            process.Dispose();
        }

        guard?.Dispose();
        TempDirectory.DeleteQuietly(directory);
        http.Dispose();
    }

    private async Task StartLocalAsync(CancellationToken ct)
    {
        var binary = LocalBinary.Find("influxd", "influxdb");
        directory = TempDirectory.Create("influxdb");
        var pidFile = Path.Combine(directory, "influxd.pid");
        guard = OrphanGuard.Start(
            $"kill -9 \"$(cat {OrphanGuard.Quote(pidFile)})\" 2>/dev/null; rm -rf {OrphanGuard.Quote(directory)}");
        for (var attempt = 1; ; attempt++)
        {
            var httpPort = FreePort.Next();
            var configFile = Path.Combine(directory, "influxdb.conf");
            await File.WriteAllTextAsync(configFile, Config(directory, httpPort, FreePort.Next()), ct).ConfigureAwait(false);
            var started = ServerProcess.Start(binary, ["-config", configFile], directory);
            await File.WriteAllTextAsync(pidFile, started.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct)
                .ConfigureAwait(false);
            var baseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
            try
            {
                await Readiness.WaitAsync("InfluxDB", $"GET {baseAddress}ping to answer 204", async token =>
                {
                    using var ping = await http.GetAsync(new Uri(baseAddress, "ping"), token).ConfigureAwait(false);
                    return ping.StatusCode == HttpStatusCode.NoContent;
                }, started, ct).ConfigureAwait(false);
                process = started;
                BaseAddress = baseAddress;
                return;
            }
            catch (ServerStartException ex) when (ex.IsPortConflict && attempt < 3)
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

    private static string Config(string directory, int httpPort, int rpcPort) =>
        new StringBuilder()
            .AppendLine("reporting-disabled = true")
            .AppendLine($"bind-address = \"127.0.0.1:{rpcPort}\"")
            .AppendLine("[meta]")
            .AppendLine($"  dir = \"{Path.Combine(directory, "meta")}\"")
            .AppendLine("[data]")
            .AppendLine($"  dir = \"{Path.Combine(directory, "data")}\"")
            .AppendLine($"  wal-dir = \"{Path.Combine(directory, "wal")}\"")
            .AppendLine("  query-log-enabled = false")
            .AppendLine("[monitor]")
            .AppendLine("  store-enabled = false")
            .AppendLine("[http]")
            .AppendLine("  enabled = true")
            .AppendLine($"  bind-address = \"127.0.0.1:{httpPort}\"")
            .AppendLine("  log-enabled = false")
            .AppendLine("  max-row-limit = 0")
            .AppendLine("[continuous_queries]")
            .AppendLine("  enabled = false")
            .AppendLine("[logging]")
            .AppendLine("  level = \"warn\"")
            .AppendLine("  suppress-logo = true")
            .ToString();

    private static string? FindError(JsonElement root)
    {
        if (root.TryGetProperty("error", out var error))
        {
            return error.GetString();
        }

        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                if (result.TryGetProperty("error", out var statementError))
                {
                    return statementError.GetString();
                }
            }
        }

        return null;
    }
}
