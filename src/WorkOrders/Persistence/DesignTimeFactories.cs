using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a host; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMaintenanceDbContext>
{
    public PostgresMaintenanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMaintenanceDbContext>()
            .UseNpgsql("Host=localhost;Database=workorders_design")
            .Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMaintenanceDbContext>
{
    public SqliteMaintenanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMaintenanceDbContext>()
            .UseSqlite(MaintenanceStoreOptions.DefaultSqliteConnectionString)
            .Options);
}
