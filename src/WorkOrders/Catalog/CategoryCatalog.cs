using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Catalog;

/// <summary>
/// Lists, creates, changes and deletes categories and their templates. A category that orders use cannot be
/// deleted (deactivate it instead); its code never changes.
/// </summary>
public sealed partial class CategoryCatalog(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock)
{
    public const int MaxFields = 40;

    public async Task<IReadOnlyList<CategoryView>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.Categories.AsNoTracking().Include(c => c.Fields).AsQueryable();
        if (activeOnly)
        {
            query = query.Where(c => c.Active);
        }

        var categories = await query.OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return categories.ConvertAll(CategoryView.From);
    }

    public async Task<CategoryView?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var category = await FindAsync(db, code, cancellationToken);
        return category is null ? null : CategoryView.From(category);
    }

    /// <summary>The category with its template (untracked), by code in any accepted spelling; null when unknown.</summary>
    public static async Task<Category?> FindAsync(MaintenanceDbContext db, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = CategoryCodes.Normalize(code);
        return normalized is null
            ? null
            : await db.Categories.AsNoTracking().Include(c => c.Fields).FirstOrDefaultAsync(c => c.Code == normalized, cancellationToken);
    }

    /// <summary>Adds a category; 409 when the code exists.</summary>
    public async Task<CatalogResult> CreateAsync(CategoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var code = CategoryCodes.Normalize(errors.Text("code", request.Code, 32, required: true));
        if (code is not null && !CodePattern().IsMatch(code))
        {
            errors.Add("code", "code must be 1 to 32 of a-z, 0-9 and '-', starting with a letter (e.g. 'site-survey').");
        }

        var name = errors.Text("name", request.Name, 128, required: true);
        var description = errors.Text("description", request.Description, 256, required: false);
        var fields = ValidateFields(code ?? "", request.Fields ?? [], errors);
        if (!errors.IsEmpty)
        {
            return CatalogResult.Invalid(errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        if (await db.Categories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return CatalogResult.Conflict($"A category with the code '{code}' exists already; change it with PUT /api/categories/{code}.");
        }

        var category = new Category
        {
            Code = code!, Name = name!, Description = description, Active = request.Active ?? true, UpdatedAt = clock.GetUtcNow(), Fields = fields,
        };
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return CatalogResult.Conflict($"A category with the code '{code}' was created at the same time.");
        }

        return CatalogResult.Done(category);
    }

    /// <summary>Changes name, description, active and (when <see cref="CategoryRequest.Fields"/> is given) the template.</summary>
    public async Task<CatalogResult> UpdateAsync(string code, CategoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = CategoryCodes.Normalize(code) ?? "";
        var errors = new ValidationErrors();
        if (request.Code is not null && CategoryCodes.Normalize(request.Code) != normalized)
        {
            errors.Add("code", $"code cannot change ('{normalized}'); create a new category and deactivate this one.");
        }

        var name = errors.Text("name", request.Name, 128, required: false);
        var description = errors.Text("description", request.Description, 256, required: false);
        var fields = request.Fields is null ? null : ValidateFields(normalized, request.Fields, errors);
        if (!errors.IsEmpty)
        {
            return CatalogResult.Invalid(errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var category = await db.Categories.Include(c => c.Fields).FirstOrDefaultAsync(c => c.Code == normalized, cancellationToken);
        if (category is null)
        {
            return CatalogResult.NotFound();
        }

        category.Name = name ?? category.Name;
        category.Description = request.Description is null ? category.Description : description;
        category.Active = request.Active ?? category.Active;
        category.UpdatedAt = clock.GetUtcNow();
        if (fields is not null)
        {
            // Delete first: the new template may reuse names, which are the key.
            db.TemplateFields.RemoveRange(category.Fields);
            await db.SaveChangesAsync(cancellationToken);
            category.Fields.Clear();
            category.Fields.AddRange(fields);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CatalogResult.Done(category);
    }

    /// <summary>Deletes an unused category; 409 when work orders name it.</summary>
    public async Task<CatalogResult> DeleteAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = CategoryCodes.Normalize(code) ?? "";
        await using var db = contexts.CreateDbContext();
        var category = await db.Categories.Include(c => c.Fields).FirstOrDefaultAsync(c => c.Code == normalized, cancellationToken);
        if (category is null)
        {
            return CatalogResult.NotFound();
        }

        var used = await db.WorkOrders.CountAsync(w => w.Category == normalized, cancellationToken);
        if (used > 0)
        {
            return CatalogResult.Conflict(
                $"{used} work order(s) are in the category '{normalized}', so it cannot be deleted; set active to false instead.");
        }

        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return CatalogResult.Done(category);
    }

    private static List<TemplateField> ValidateFields(string code, IReadOnlyList<TemplateFieldRequest> requested, ValidationErrors errors)
    {
        var fields = new List<TemplateField>();
        if (requested.Count > MaxFields)
        {
            errors.Add("fields", $"fields may have at most {MaxFields} entries (it has {requested.Count}).");
            return fields;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var key = $"fields[{i}]";
            var field = requested[i];
            var name = field?.Name?.Trim();
            if (field is null || name is null || !FieldNamePattern().IsMatch(name))
            {
                errors.Add($"{key}.name", $"{key}.name is required: 1 to 64 letters and digits, starting with a letter (camelCase, e.g. 'symptoms').");
                continue;
            }

            if (fields.Exists(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{key}.name", $"{key}.name '{name}' is used twice.");
                continue;
            }

            var type = errors.Enum<TemplateFieldType>($"{key}.type", field.Type, required: true);
            var label = errors.Text($"{key}.label", field.Label, 128, required: false) ?? name;
            if (type is { } t && IsTyped(t) && fields.Exists(f => f.Type == t))
            {
                errors.Add($"{key}.type", $"{key}.type {t} appears twice; an order has one {t.ToString().ToLowerInvariant()}.");
                continue;
            }

            if (type is { } valid)
            {
                fields.Add(new TemplateField { CategoryCode = code, Name = name, Label = label, Type = valid, Required = field.Required, Position = i });
            }
        }

        return fields;
    }

    /// <summary>Whether the type maps to an order property (at most one per template) rather than a free value.</summary>
    internal static bool IsTyped(TemplateFieldType type) =>
        type is not (TemplateFieldType.Text or TemplateFieldType.Number or TemplateFieldType.Date);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNamePattern();
}
