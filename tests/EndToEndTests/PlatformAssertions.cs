using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.EndToEndTests;

/// <summary>Reads what the platform stored, straight from PostgreSQL and InfluxDB.</summary>
public static class PlatformAssertions
{
    public static async Task<IReadOnlyList<WorkOrder>> PredictiveOrdersAsync(IServiceProvider services, string? deviceId = null)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.WorkOrders.AsNoTracking()
            .Where(o => (deviceId == null || o.DeviceId == deviceId) && o.Source == WorkOrderSource.Prediction)
            .ToListAsync();
    }

    /// <summary>Every stored seq of the device, with repeats, from the InfluxDB measurement <c>telemetry</c>.</summary>
    public static async Task<IReadOnlyList<long>> StoredSeqsAsync(PlatformServers servers, string database, string deviceId)
    {
        using var result = await servers.Influx.QueryAsync(database, $"SELECT seq FROM telemetry WHERE device = '{deviceId}'");
        var statement = result.RootElement.GetProperty("results")[0];
        if (!statement.TryGetProperty("series", out var series))
        {
            return [];
        }

        return [.. series[0].GetProperty("values").EnumerateArray().Select(row => row[1].GetInt64())];
    }

    public static bool IsExactly(IReadOnlyList<long> seqs, int from, int to) =>
        seqs.Count == to - from + 1 && seqs.Order().SequenceEqual(Enumerable.Range(from, to - from + 1).Select(i => (long)i));

    public static string Describe(IReadOnlyList<long> seqs, int from, int to)
    {
        var expected = Enumerable.Range(from, to - from + 1).Select(i => (long)i).ToHashSet();
        var missing = expected.Except(seqs).Take(10);
        var doubled = seqs.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).Take(10);
        return $"{seqs.Count} stored; missing [{string.Join(',', missing)}]; doubled [{string.Join(',', doubled)}]";
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
