using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Customers;

/// <summary>Adds, replaces, lists and deletes customers and their sites.</summary>
public sealed class CustomerDirectory(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock)
{
    public async Task<DirectoryResult<CustomerView>> SaveCustomerAsync(CustomerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var id = ContactFields.Code(errors, "id", request.Id, required: true);
        var name = errors.Text("name", request.Name, 128, required: true);
        var tier = ContactFields.Tier(errors, "tier", request.Tier);
        var (contactName, contactPhone, contactEmail) = ContactFields.Validate(errors, request.ContactName, request.ContactPhone, request.ContactEmail);
        if (!errors.IsEmpty)
        {
            return DirectoryResult<CustomerView>.Invalid(errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var created = customer is null;
        customer ??= db.Customers.Add(new Customer { Id = id!, Name = name! }).Entity;
        customer.Name = name!;
        customer.Tier = tier;
        customer.ContactName = contactName;
        customer.ContactPhone = contactPhone;
        customer.ContactEmail = contactEmail;
        customer.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            return DirectoryResult<CustomerView>.Of(DirectoryOutcome.Conflict, problem: $"The customer '{id}' was added at the same time; send it again to replace it.");
        }

        return DirectoryResult<CustomerView>.Of(created ? DirectoryOutcome.Created : DirectoryOutcome.Updated, CustomerView.From(customer));
    }

    public async Task<CustomerView?> FindCustomerAsync(string id, CancellationToken cancellationToken = default)
    {
        var normalized = Codes.Normalize(id);
        await using var db = contexts.CreateDbContext();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == normalized, cancellationToken);
        return customer is null ? null : CustomerView.From(customer);
    }

    public async Task<IReadOnlyList<CustomerView>> ListCustomersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return customers.ConvertAll(CustomerView.From);
    }

    /// <summary>Deletes a customer without sites; 409 names the sites otherwise.</summary>
    public async Task<DirectoryResult<CustomerView>> DeleteCustomerAsync(string id, CancellationToken cancellationToken = default)
    {
        var normalized = Codes.Normalize(id);
        await using var db = contexts.CreateDbContext();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == normalized, cancellationToken);
        if (customer is null)
        {
            return DirectoryResult<CustomerView>.Of(DirectoryOutcome.NotFound);
        }

        var sites = await db.Sites.Where(s => s.CustomerId == normalized).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        if (sites.Count > 0)
        {
            return DirectoryResult<CustomerView>.Of(DirectoryOutcome.Conflict,
                problem: $"The customer '{normalized}' still has site(s) {string.Join(", ", sites)}; delete them or move them to another customer first.");
        }

        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryResult<CustomerView>.Of(DirectoryOutcome.Deleted, CustomerView.From(customer));
    }

    public async Task<DirectoryResult<SiteView>> SaveSiteAsync(SiteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var id = ContactFields.Code(errors, "id", request.Id, required: true);
        var name = errors.Text("name", request.Name, 128, required: true);
        var address = errors.Text("address", request.Address, 256, required: false);
        var customerId = ContactFields.Code(errors, "customerId", request.CustomerId, required: false);
        if (request.Latitude is < -90 or > 90 or double.NaN)
        {
            errors.Add("latitude", "latitude must be between -90 and 90.");
        }

        if (request.Longitude is < -180 or > 180 or double.NaN)
        {
            errors.Add("longitude", "longitude must be between -180 and 180.");
        }

        var (contactName, contactPhone, contactEmail) = ContactFields.Validate(errors, request.ContactName, request.ContactPhone, request.ContactEmail);
        await using var db = contexts.CreateDbContext();
        if (customerId is not null && !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            errors.Add("customerId", $"customerId '{customerId}' is not a known customer; add it with POST /api/customers first.");
        }

        if (!errors.IsEmpty)
        {
            return DirectoryResult<SiteView>.Invalid(errors.ToDictionary());
        }

        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var created = site is null;
        site ??= db.Sites.Add(new Site { Id = id!, Name = name! }).Entity;
        site.Name = name!;
        site.Address = address;
        site.CustomerId = customerId;
        site.Latitude = request.Latitude;
        site.Longitude = request.Longitude;
        site.ContactName = contactName;
        site.ContactPhone = contactPhone;
        site.ContactEmail = contactEmail;
        site.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return DirectoryResult<SiteView>.Of(DirectoryOutcome.Conflict,
                problem: $"The site '{id}' or its customer changed at the same time; send it again.");
        }

        return DirectoryResult<SiteView>.Of(created ? DirectoryOutcome.Created : DirectoryOutcome.Updated, SiteView.From(site));
    }

    public async Task<SiteView?> FindSiteAsync(string id, CancellationToken cancellationToken = default)
    {
        var normalized = Codes.Normalize(id);
        await using var db = contexts.CreateDbContext();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == normalized, cancellationToken);
        return site is null ? null : SiteView.From(site);
    }

    /// <summary>Sites ordered by id, optionally of one customer.</summary>
    public async Task<IReadOnlyList<SiteView>> ListSitesAsync(string? customerId = null, CancellationToken cancellationToken = default)
    {
        var normalized = Codes.Normalize(customerId);
        await using var db = contexts.CreateDbContext();
        var query = db.Sites.AsNoTracking();
        if (normalized is not null)
        {
            query = query.Where(s => s.CustomerId == normalized);
        }

        var sites = await query.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return sites.ConvertAll(SiteView.From);
    }

    public async Task<DirectoryResult<SiteView>> DeleteSiteAsync(string id, CancellationToken cancellationToken = default)
    {
        var normalized = Codes.Normalize(id);
        await using var db = contexts.CreateDbContext();
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == normalized, cancellationToken);
        if (site is null)
        {
            return DirectoryResult<SiteView>.Of(DirectoryOutcome.NotFound);
        }

        db.Sites.Remove(site);
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryResult<SiteView>.Of(DirectoryOutcome.Deleted, SiteView.From(site));
    }
}
