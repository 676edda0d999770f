using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Catalog;

/// <summary>
/// Adds the <see cref="DefaultCatalog"/> categories that are missing, with their templates; never changes a
/// category that exists (people may have edited it). Runs after every migration, so every store has them.
/// </summary>
public sealed class CatalogSeed(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock, ILogger<CatalogSeed> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var codes = DefaultCatalog.Categories.Select(c => c.Code).ToList();
        var existing = await db.Categories.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = DefaultCatalog.Categories.Where(c => !existing.Contains(c.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var category in missing)
        {
            db.Categories.Add(new Category
            {
                Code = category.Code, Name = category.Name, Description = category.Description, Active = true, UpdatedAt = now,
                Fields = category.Fields.ConvertAll(f => new TemplateField
                {
                    CategoryCode = f.CategoryCode, Name = f.Name, Label = f.Label, Type = f.Type, Required = f.Required, Position = f.Position,
                }),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.CatalogSeeded(missing.Count);
        }
        catch (DbUpdateException)
        {
            // Seeded concurrently by another process: its rows are the same.
        }
    }
}
