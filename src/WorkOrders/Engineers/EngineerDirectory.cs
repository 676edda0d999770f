using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Engineers;

/// <summary>Adds, replaces and lists engineers and their skills.</summary>
public sealed class EngineerDirectory(IDbContextFactory<MaintenanceDbContext> contexts)
{
    /// <summary>Validates and upserts; the skills given replace the engineer's skills.</summary>
    public async Task<EngineerRegistrationResult> RegisterAsync(EngineerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new ValidationErrors();
        if (!DeviceIds.IsValid(registration.Id))
        {
            errors.Add("id", "id is required: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'.");
        }

        var name = errors.Text("name", registration.Name, 128, required: true);
        var site = Codes.Normalize(errors.Text("site", registration.Site, 64, required: true));
        var region = Codes.Normalize(errors.Text("region", registration.Region, 64, required: false));
        var phone = errors.Text("phone", registration.Phone, 32, required: false);
        var email = errors.Text("email", registration.Email, 256, required: false);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add("email", "email must look like name@example.com.");
        }

        var skills = ValidateSkills(registration.Skills ?? [], errors);
        var profile = EngineerProfileValidation.Validate(registration, errors);
        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            var engineer = await db.Engineers.Include(e => e.Skills).Include(e => e.Certifications).Include(e => e.Shifts)
                .FirstOrDefaultAsync(e => e.Id == registration.Id, cancellationToken);
            var created = engineer is null;
            engineer ??= db.Engineers.Add(new Engineer { Id = registration.Id!, Name = name!, Site = site! }).Entity;
            engineer.Name = name!;
            engineer.Site = site!;
            engineer.Region = region;
            engineer.Phone = phone;
            engineer.Email = email;
            engineer.HomeLatitude = registration.HomeLatitude;
            engineer.HomeLongitude = registration.HomeLongitude;
            engineer.Active = registration.Active;
            ReplaceSkills(engineer, skills);
            profile.ApplyTo(engineer);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (created && attempt == 1)
            {
                continue; // registered concurrently: replace the row that won
            }

            var view = (await ViewsAsync(db, db.Engineers.Where(e => e.Id == engineer.Id), cancellationToken))[0];
            return new(view, created, new Dictionary<string, string[]>());
        }
    }

    public async Task<EngineerView?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var views = await ViewsAsync(db, db.Engineers.Where(e => e.Id == id), cancellationToken);
        return views.Count == 0 ? null : views[0];
    }

    /// <summary>Engineers ordered by id; optionally of one site, qualified for one asset type, or active only.</summary>
    public async Task<IReadOnlyList<EngineerView>> ListAsync(
        string? site = null, string? assetType = null, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        site = Codes.Normalize(site);
        assetType = Codes.Normalize(assetType);
        await using var db = contexts.CreateDbContext();
        var query = db.Engineers.AsQueryable();
        if (site is not null)
        {
            query = query.Where(e => e.Site == site);
        }

        if (assetType is not null)
        {
            query = query.Where(e => e.Skills.Any(s => s.AssetType == assetType));
        }

        if (activeOnly)
        {
            query = query.Where(e => e.Active);
        }

        return await ViewsAsync(db, query, cancellationToken);
    }

    /// <summary>Records where the engineer's phone says they are; false when there is no such engineer.</summary>
    public async Task<EngineerLocationResult> ReportLocationAsync(
        string id, EngineerLocationReport report, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new ValidationErrors();
        EngineerProfileValidation.Coordinates(errors, "latitude", "longitude", report.Latitude, report.Longitude, required: true);
        if (report.At is { } at && at > now.AddMinutes(5))
        {
            errors.Add("at", "at must not be in the future.");
        }

        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var engineer = await db.Engineers.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engineer is null)
        {
            return new(null, errors.ToDictionary());
        }

        var reportedAt = (report.At ?? now).ToUniversalTime();
        if (engineer.LocationReportedAt is not { } last || reportedAt >= last)
        {
            // A late report of an older position never overwrites a newer one.
            engineer.CurrentLatitude = report.Latitude;
            engineer.CurrentLongitude = report.Longitude;
            engineer.LocationReportedAt = reportedAt;
            await db.SaveChangesAsync(cancellationToken);
        }

        var view = (await ViewsAsync(db, db.Engineers.Where(e => e.Id == id), cancellationToken))[0];
        return new(view, errors.ToDictionary());
    }

    private static void ReplaceSkills(Engineer engineer, List<EngineerSkillView> skills)
    {
        engineer.Skills.RemoveAll(s => !skills.Exists(n => n.AssetType == s.AssetType));
        foreach (var skill in skills)
        {
            var existing = engineer.Skills.Find(s => s.AssetType == skill.AssetType);
            if (existing is null)
            {
                engineer.Skills.Add(new EngineerSkill { EngineerId = engineer.Id, AssetType = skill.AssetType, Level = skill.Level });
            }
            else
            {
                existing.Level = skill.Level;
            }
        }
    }

    private static List<EngineerSkillView> ValidateSkills(IReadOnlyList<EngineerSkillView> skills, ValidationErrors errors)
    {
        var valid = new List<EngineerSkillView>();
        for (var i = 0; i < skills.Count; i++)
        {
            var assetType = Codes.Normalize(errors.Text($"skills[{i}].assetType", skills[i].AssetType, 64, required: true));
            if (skills[i].Level is < EngineerSkill.MinLevel or > EngineerSkill.MaxLevel)
            {
                errors.Add($"skills[{i}].level", $"skills[{i}].level must be from {EngineerSkill.MinLevel} to {EngineerSkill.MaxLevel}.");
            }
            else if (assetType is not null && valid.Exists(s => s.AssetType == assetType))
            {
                errors.Add($"skills[{i}].assetType", $"skills[{i}].assetType '{assetType}' is listed twice.");
            }
            else if (assetType is not null)
            {
                valid.Add(new(assetType, skills[i].Level));
            }
        }

        return valid;
    }

    private static async Task<List<EngineerView>> ViewsAsync(
        MaintenanceDbContext db, IQueryable<Engineer> engineers, CancellationToken cancellationToken)
    {
        var assigned = WorkOrderStateMachine.AssignedStatuses;
        var rows = await engineers
            .AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                Engineer = e,
                Skills = e.Skills.OrderBy(s => s.AssetType).Select(s => new EngineerSkillView(s.AssetType, s.Level)).ToList(),
                Certifications = e.Certifications.OrderBy(c => c.Code).Select(c => new EngineerCertificationView(c.Code, c.ExpiresAt)).ToList(),
                Shifts = e.Shifts.OrderBy(s => s.Day).ThenBy(s => s.StartMinute).ToList(),
                Open = db.WorkOrders.Count(w => w.AssigneeId == e.Id && assigned.Contains(w.Status)),
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new EngineerView(
            r.Engineer.Id, r.Engineer.Name, r.Engineer.Phone, r.Engineer.Email, r.Engineer.Site, r.Engineer.Region,
            r.Engineer.HomeLatitude, r.Engineer.HomeLongitude, r.Engineer.Active, r.Skills, r.Open,
            r.Engineer.TimeZone, r.Certifications, r.Shifts.ConvertAll(EngineerProfileValidation.ToView),
            r.Engineer.CurrentLatitude, r.Engineer.CurrentLongitude, r.Engineer.LocationReportedAt));
    }
}
