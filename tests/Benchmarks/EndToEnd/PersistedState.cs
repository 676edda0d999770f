using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The device grains' state as stored (JSON in the <c>GrainStates</c> table), and the part of it that is the
/// detector's exported state (an active grain drops that string once its detector is built from it).
/// </summary>
internal static class PersistedState
{
    public static async Task<string> DescribeAsync(IServiceProvider services, IReadOnlyCollection<LoadDevice> devices, CancellationToken cancellationToken)
    {
        var ids = devices.Select(d => d.DeviceId).ToHashSet(StringComparer.Ordinal);
        var contexts = services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payloads = (await db.GrainStates.AsNoTracking().Select(r => new { r.GrainId, r.Payload }).ToListAsync(cancellationToken))
            .Where(r => ids.Contains(r.GrainId))
            .Select(r => r.Payload)
            .ToList();
        if (payloads.Count == 0)
        {
            return "no device state stored";
        }

        var detector = payloads.Average(p =>
        {
            using var json = JsonDocument.Parse(p);
            return json.RootElement.TryGetProperty("DetectorState", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString()!.Length : 0;
        });
        return $"stored state of {payloads.Count:N0} devices: {payloads.Average(p => p.Length):N0} chars of JSON each, of which the detector's exported state {detector:N0} chars";
    }
}
