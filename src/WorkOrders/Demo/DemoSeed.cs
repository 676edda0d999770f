using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Demo;

/// <summary>
/// Engineers for the single-node demo: every demo asset type (<c>pump</c>, <c>motor</c>, <c>compressor</c>,
/// <c>fan</c>) is covered at both sites. Adds only the engineers that are missing; never changes existing ones.
/// </summary>
public sealed class DemoSeed(IDbContextFactory<MaintenanceDbContext> contexts, ILogger<DemoSeed> logger)
{
    public static IReadOnlyList<Engineer> Engineers { get; } =
    [
        Make("eng-anna", "+46 8 555 0101", "Anna Berg", "plant-north", 59.3326, 18.0649, ("pump", 5), ("motor", 3)),
        Make("eng-bjorn", "+46 8 555 0102", "Björn Lund", "plant-north", 59.3390, 18.0500, ("compressor", 4), ("fan", 4), ("pump", 2)),
        Make("eng-chidi", "+46 8 555 0103", "Chidi Okafor", "plant-north", 59.3200, 18.0700, ("motor", 5), ("fan", 2)),
        Make("eng-dana", "+46 8 555 0104", "Dana Kowalski", "plant-south", 59.2700, 18.0300, ("pump", 4), ("compressor", 3)),
        Make("eng-emil", "+46 8 555 0105", "Emil Sato", "plant-south", 59.2650, 18.0100, ("motor", 4), ("fan", 5), ("compressor", 2)),
        Make("eng-farah", "+46 8 555 0106", "Farah Haddad", "plant-south", 59.2800, 18.0450, ("pump", 3), ("motor", 2), ("fan", 3), ("compressor", 5)),
    ];

    /// <summary>The demo sites' region and position, so dispatch can measure travel to them.</summary>
    public static IReadOnlyList<Site> Sites { get; } =
    [
        new() { Id = "plant-north", Name = "Plant North", Region = "stockholm", Latitude = 59.3350, Longitude = 18.0600 },
        new() { Id = "plant-south", Name = "Plant South", Region = "stockholm", Latitude = 59.2720, Longitude = 18.0280 },
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var ids = Engineers.Select(e => e.Id).ToList();
        var existing = await db.Engineers.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var missing = Engineers.Where(e => !existing.Contains(e.Id)).ToList();
        var siteCodes = Sites.Select(s => s.Id).ToList();
        var knownSites = await db.Sites.Where(s => siteCodes.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        db.Sites.AddRange(Sites.Where(s => !knownSites.Contains(s.Id))
            .Select(s => new Site { Id = s.Id, Name = s.Name, Region = s.Region, Latitude = s.Latitude, Longitude = s.Longitude }));
        foreach (var engineer in missing)
        {
            db.Engineers.Add(new Engineer
            {
                Id = engineer.Id, Name = engineer.Name, Site = engineer.Site, Region = engineer.Region, Phone = engineer.Phone,
                Email = engineer.Email, HomeLatitude = engineer.HomeLatitude, HomeLongitude = engineer.HomeLongitude, Active = true,
                Skills = engineer.Skills.ConvertAll(s => new EngineerSkill { EngineerId = s.EngineerId, AssetType = s.AssetType, Level = s.Level }),
                TimeZone = engineer.TimeZone,
                Shifts = engineer.Shifts.ConvertAll(s => new EngineerShift { EngineerId = s.EngineerId, Day = s.Day, StartMinute = s.StartMinute, EndMinute = s.EndMinute }),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Seeded concurrently by another instance: its rows are the same.
        }

        logger.DemoSeeded(missing.Count);
    }

    private static Engineer Make(string id, string phone, string name, string site, double latitude, double longitude, params (string AssetType, int Level)[] skills) =>
        new()
        {
            Id = id,
            Name = name,
            Site = site,
            Region = "stockholm",
            Phone = phone,
            Email = $"{id}@example.com",
            HomeLatitude = latitude,
            HomeLongitude = longitude,
            Skills = [.. skills.Select(s => new EngineerSkill { EngineerId = id, AssetType = s.AssetType, Level = s.Level })],
            // On call around the clock, so the demo's predictive orders are dispatched at any hour.
            TimeZone = "Europe/Stockholm",
            Shifts = [.. Enum.GetValues<DayOfWeek>().Select(d => new EngineerShift { EngineerId = id, Day = d, StartMinute = 0, EndMinute = EngineerShift.MinutesPerDay })],
        };
}
