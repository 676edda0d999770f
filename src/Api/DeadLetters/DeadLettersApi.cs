using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Api.DeadLetters;

public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deadletters").WithTags("Dead letters");
        api.MapGet("/", ListAsync).WithSummary("Rejected telemetry, newest first, with the reason for each.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<DeadLetterView>>> ListAsync(
        IDbContextFactory<MaintenanceDbContext> contexts, string? reason, string? deviceId, int? limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DeadLetters.AsNoTracking();
        if (!string.IsNullOrEmpty(reason))
        {
            query = query.Where(d => d.Reason == reason);
        }

        if (!string.IsNullOrEmpty(deviceId))
        {
            query = query.Where(d => d.DeviceId == deviceId);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(limit ?? 100, 1, 1000))
            .Select(d => new DeadLetterView(d.Id, d.ReceivedAt, d.Topic, d.DeviceId, d.Reason, d.Detail, d.Payload))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DeadLetterView>>(rows);
    }
}

/// <summary>A dead letter as the API shows it.</summary>
public sealed record DeadLetterView(long Id, DateTimeOffset ReceivedAt, string Topic, string? DeviceId, string Reason, string Detail, string Payload);
