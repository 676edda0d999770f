using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>
/// Hands out pooled contexts of the derived type the configured provider needs, typed as the shared
/// <see cref="MaintenanceDbContext"/>. Registered as <see cref="IDbContextFactory{MaintenanceDbContext}"/>.
/// </summary>
internal sealed class MaintenanceContextFactory : IDbContextFactory<MaintenanceDbContext>
{
    private readonly Func<MaintenanceDbContext> create;

    public MaintenanceContextFactory(IOptions<MaintenanceStoreOptions> options, ILoggerFactory loggerFactory)
    {
        var store = options.Value;
        Provider = store.ParsedProvider;
        var connectionString = store.EffectiveConnectionString;
        if (Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
            var pool = new PooledDbContextFactory<SqliteMaintenanceDbContext>(
                new DbContextOptionsBuilder<SqliteMaintenanceDbContext>()
                    .UseSqlite(connectionString)
                    .UseLoggerFactory(loggerFactory)
                    .Options);
            create = pool.CreateDbContext;
        }
        else
        {
            var pool = new PooledDbContextFactory<PostgresMaintenanceDbContext>(
                new DbContextOptionsBuilder<PostgresMaintenanceDbContext>()
                    .UseNpgsql(connectionString)
                    .UseLoggerFactory(loggerFactory)
                    .Options);
            create = pool.CreateDbContext;
        }
    }

    public DatabaseProvider Provider { get; }

    public MaintenanceDbContext CreateDbContext() => create();

    /// <summary>Creates the folder of a file database (<c>.data/</c> by default); SQLite will not.</summary>
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
