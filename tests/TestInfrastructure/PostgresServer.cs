using System.Globalization;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace WorkOrders.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster on a free loopback port (initdb into a temp dir, pg_ctl start; as the
/// <c>postgres</c> user when the tests run as root), deleted on dispose. <see cref="CreateDatabaseAsync"/> gives
/// each test its own database. A container instead when a Docker engine answers.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly SemaphoreSlim createGate = new(1, 1);
    private string? directory;
    private string? binDirectory;
    private OrphanGuard? guard;
    private IDisposable? atExit;
    private PostgreSqlContainer? container;

    /// <summary>Connection string of the admin user to the <c>postgres</c> database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (DockerEngine.IsAvailable)
        {
            container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync().ConfigureAwait(false);
            ConnectionString = container.GetConnectionString();
            return;
        }

        await StartLocalAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await createGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // A database name cannot be a parameter; this one is generated above from a GUID.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            createGate.Release();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (container is not null)
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }

        if (directory is not null && binDirectory is not null)
        {
            try
            {
                await RunAsPostgresAsync(PgCtl, ["-D", DataDirectory, "stop", "-m", "fast", "-w", "-t", "30"],
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                StopImmediately();
            }
        }

        atExit?.Dispose();
        guard?.Dispose();
        TempDirectory.DeleteQuietly(directory);
        createGate.Dispose();
    }

    private string PgCtl => Path.Combine(binDirectory!, "pg_ctl");

    private string DataDirectory => Path.Combine(directory!, "data");

    private async Task StartLocalAsync(CancellationToken ct)
    {
        binDirectory = FindBinDirectory();
        if (Environment.IsPrivilegedProcess)
        {
            LocalBinary.Find("runuser", "util-linux");
            var postgresUser = await Command.RunAsync("id", ["-u", "postgres"], CommandTimeout, ct).ConfigureAwait(false);
            if (!postgresUser.Succeeded)
            {
                throw LocalBinary.MissingPackage(
                    "The system user 'postgres' does not exist, and PostgreSQL refuses to run as root", "postgresql");
            }
        }

        directory = TempDirectory.Create("postgres");
        if (Environment.IsPrivilegedProcess)
        {
            (await Command.RunAsync("chown", ["postgres:postgres", directory], CommandTimeout, ct).ConfigureAwait(false))
                .EnsureSuccess("Giving the PostgreSQL directory to the postgres user");
        }

        guard = OrphanGuard.Start(
            $"{ShellAsPostgres(PgCtl, "-D", DataDirectory, "stop", "-m", "immediate")} >/dev/null 2>&1; " +
            $"rm -rf {OrphanGuard.Quote(directory)}");
        var initdb = await RunAsPostgresAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], ct)
            .ConfigureAwait(false);
        if (!initdb.Succeeded)
        {
            throw new ServerStartException("PostgreSQL", "initdb failed", initdb.Output);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var options = string.Join(' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}", "-c listen_addresses=127.0.0.1", $"-k {directory}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300");
            var logFile = Path.Combine(directory, "server.log");
            var start = await RunAsPostgresAsync(PgCtl,
                ["-D", DataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options, "start"], ct).ConfigureAwait(false);
            if (start.Succeeded)
            {
                atExit = ProcessJanitor.Register(StopImmediately);
                ConnectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Database = "postgres",
                    IncludeErrorDetail = true,
                }.ConnectionString;
                return;
            }

            var log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile, ct).ConfigureAwait(false) : "(no log)";
            var failure = new ServerStartException("PostgreSQL", $"pg_ctl start on port {port} failed",
                $"{start.Output}{Environment.NewLine}--- server.log ---{Environment.NewLine}{log}");
            if (!failure.IsPortConflict || attempt >= 3)
            {
                throw failure;
            }
        }
    }

    private void StopImmediately()
    {
        var (fileName, arguments) = AsPostgres(PgCtl, ["-D", DataDirectory, "stop", "-m", "immediate"]);
        Command.RunQuietly(fileName, arguments, TimeSpan.FromSeconds(10));
    }

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(path => (path, version: double.TryParse(Path.GetFileName(path), NumberStyles.Float,
                    CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(candidate => File.Exists(Path.Combine(candidate.path, "bin", "initdb")) &&
                                    File.Exists(Path.Combine(candidate.path, "bin", "pg_ctl")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.path, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw LocalBinary.MissingPackage(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin", "postgresql");
    }

    private static Task<CommandResult> RunAsPostgresAsync(
        string fileName, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var (command, commandArguments) = AsPostgres(fileName, arguments);
        return Command.RunAsync(command, commandArguments, CommandTimeout, ct);
    }

    private static (string FileName, IReadOnlyList<string> Arguments) AsPostgres(
        string fileName, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? ("runuser", ["-u", "postgres", "--", fileName, .. arguments])
            : (fileName, arguments);

    private static string ShellAsPostgres(string fileName, params string[] arguments)
    {
        var (command, commandArguments) = AsPostgres(fileName, arguments);
        return string.Join(' ', commandArguments.Prepend(command).Select(OrphanGuard.Quote));
    }
}
