using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>The model on PostgreSQL (Npgsql); migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresMaintenanceDbContext(DbContextOptions<PostgresMaintenanceDbContext> options)
    : MaintenanceDbContext(options);
