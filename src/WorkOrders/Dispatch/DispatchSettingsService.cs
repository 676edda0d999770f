using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>A category's dispatch mode and certificate as sent and shown by the API.</summary>
public sealed record CategoryDispatchView(string Category, DispatchMode Mode, string? RequiredCertification);

/// <summary>Change a category's mode (<c>Automatic</c>, <c>Suggested</c>, <c>OpenPool</c>) and required certificate.</summary>
public sealed record CategoryDispatchUpdate(string? Mode, string? RequiredCertification = null);

/// <summary>What an asset type needs of an engineer.</summary>
public sealed record AssetTypeRequirementView(string AssetType, int MinSkillLevel, string? RequiredCertification);

/// <summary>A site's region and coordinates.</summary>
public sealed record DispatchSiteView(string Site, string? Region, double? Latitude, double? Longitude);

/// <summary>The outcome of a settings change: the stored value, or messages per field.</summary>
public sealed record SettingResult<T>(T? Value, IDictionary<string, string[]> Errors)
    where T : class;

/// <summary>Reads and upserts the dispatch settings that are data: category modes, asset-type requirements, sites.</summary>
public sealed class DispatchSettingsService(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<CategoryDispatchView>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.CategoryDispatchSettings.AsNoTracking().OrderBy(c => c.Category)
            .Select(c => new CategoryDispatchView(c.Category, c.Mode, c.RequiredCertification)).ToListAsync(cancellationToken);
    }

    /// <summary>Sets the category's mode; the category is its code as orders carry it (e.g. <c>Repair</c>).</summary>
    public async Task<SettingResult<CategoryDispatchView>> PutCategoryAsync(string category, CategoryDispatchUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new ValidationErrors();
        var code = Catalog.CategoryCodes.Normalize(errors.Text("category", category, 64, required: true));
        var mode = errors.Enum<DispatchMode>("mode", update.Mode, required: true);
        var certificate = Codes.Normalize(errors.Text("requiredCertification", update.RequiredCertification, 64, required: false));
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.CategoryDispatchSettings.FirstOrDefaultAsync(c => c.Category == code, cancellationToken);
        row ??= db.CategoryDispatchSettings.Add(new CategoryDispatchSetting { Category = code! }).Entity;
        row.Mode = mode!.Value;
        row.RequiredCertification = certificate;
        await db.SaveChangesAsync(cancellationToken);
        return new(new(row.Category, row.Mode, row.RequiredCertification), errors.ToDictionary());
    }

    public async Task<IReadOnlyList<AssetTypeRequirementView>> AssetTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.AssetTypeRequirements.AsNoTracking().OrderBy(a => a.AssetType)
            .Select(a => new AssetTypeRequirementView(a.AssetType, a.MinSkillLevel, a.RequiredCertification)).ToListAsync(cancellationToken);
    }

    public async Task<SettingResult<AssetTypeRequirementView>> PutAssetTypeAsync(
        string assetType, AssetTypeRequirementView update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new ValidationErrors();
        var code = Codes.Normalize(errors.Text("assetType", assetType, 64, required: true));
        if (update.MinSkillLevel is < EngineerSkill.MinLevel or > EngineerSkill.MaxLevel)
        {
            errors.Add("minSkillLevel", $"minSkillLevel must be from {EngineerSkill.MinLevel} to {EngineerSkill.MaxLevel}.");
        }

        var certificate = Codes.Normalize(errors.Text("requiredCertification", update.RequiredCertification, 64, required: false));
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.AssetTypeRequirements.FirstOrDefaultAsync(a => a.AssetType == code, cancellationToken);
        row ??= db.AssetTypeRequirements.Add(new AssetTypeRequirement { AssetType = code! }).Entity;
        row.MinSkillLevel = update.MinSkillLevel;
        row.RequiredCertification = certificate;
        await db.SaveChangesAsync(cancellationToken);
        return new(new(row.AssetType, row.MinSkillLevel, row.RequiredCertification), errors.ToDictionary());
    }

    public async Task<IReadOnlyList<DispatchSiteView>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Sites.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new DispatchSiteView(s.Id, s.Region, s.Latitude, s.Longitude)).ToListAsync(cancellationToken);
    }

    public async Task<SettingResult<DispatchSiteView>> PutSiteAsync(string site, DispatchSiteView update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new ValidationErrors();
        var code = Codes.Normalize(errors.Text("site", site, 64, required: true));
        var region = Codes.Normalize(errors.Text("region", update.Region, 64, required: false));
        EngineerProfileValidation.Coordinates(errors, "latitude", "longitude", update.Latitude, update.Longitude, required: false);
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        // The site is the one intake knows (/api/sites); dispatch only sets its region and position.
        var row = await db.Sites.FirstOrDefaultAsync(s => s.Id == code, cancellationToken);
        row ??= db.Sites.Add(new Site { Id = code!, Name = code! }).Entity;
        row.Region = region;
        row.Latitude = update.Latitude;
        row.Longitude = update.Longitude;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new(new(row.Id, row.Region, row.Latitude, row.Longitude), errors.ToDictionary());
    }
}
