using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>
/// Hands out <c>WO-yy-nnnnn</c> numbers from one counter row per year. The upsert is a single atomic statement
/// on PostgreSQL and SQLite alike; call it inside the transaction that inserts the order, so a rolled-back
/// insert gives its number back and concurrent writers queue on the row.
/// </summary>
public static class WorkOrderNumbers
{
    private const string NextSql = """
        INSERT INTO "WorkOrderNumberCounters" ("Year", "LastValue") VALUES ({0}, 1)
        ON CONFLICT ("Year") DO UPDATE SET "LastValue" = "WorkOrderNumberCounters"."LastValue" + 1
        RETURNING "LastValue"
        """;

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"WO-{year % 100:00}-{sequence:00000}");

    /// <summary>True when <paramref name="text"/> looks like a number this class hands out (any case).</summary>
    public static bool LooksLikeNumber(string text) =>
        text.Length >= 11 && text.StartsWith("WO-", StringComparison.OrdinalIgnoreCase) && text[5] == '-';

    public static async Task<string> NextAsync(MaintenanceDbContext db, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = at.UtcDateTime.Year;
        var values = await db.Database.SqlQueryRaw<int>(NextSql, year).ToListAsync(cancellationToken);
        return Format(year, values.Single());
    }
}
