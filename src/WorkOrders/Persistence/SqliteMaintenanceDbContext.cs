using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>
/// The model on SQLite; migrations in <c>Migrations/Sqlite</c>. SQLite has no date-time type that sorts or
/// compares, so every <see cref="DateTimeOffset"/> is stored as UTC ticks (<see cref="UtcTicksConverter"/>).
/// </summary>
public sealed class SqliteMaintenanceDbContext(DbContextOptions<SqliteMaintenanceDbContext> options)
    : MaintenanceDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
