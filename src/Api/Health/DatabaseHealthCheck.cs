using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Api.Health;

/// <summary>Ready when the maintenance store answers.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<MaintenanceDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The maintenance store answers.")
            : HealthCheckResult.Unhealthy("The maintenance store does not answer.");
    }
}
