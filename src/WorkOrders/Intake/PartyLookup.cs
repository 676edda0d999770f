using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Intake;

/// <summary>
/// Fills in customer, tier and contact from the order's site (a registered device's site when only the asset is
/// named): site → customer → tier; contact from the site when the site has one, else from the customer. Every value
/// given in the request wins over the looked-up one.
/// </summary>
public static class PartyLookup
{
    public static async Task<IntakeParty> ResolveAsync(
        MaintenanceDbContext db, NewWorkOrder request, string? site, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var customerId = ContactFields.Code(errors, "customerId", request.CustomerId, required: false);
        var tier = ContactFields.Tier(errors, "customerTier", request.CustomerTier);
        var (contactName, contactPhone, contactEmail) = ContactFields.Validate(errors, request.ContactName, request.ContactPhone, request.ContactEmail);

        var siteRow = await FindSiteAsync(db, site, cancellationToken);
        var explicitCustomer = customerId is not null;
        customerId ??= siteRow?.CustomerId;
        var customer = customerId is null ? null : await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null && explicitCustomer)
        {
            errors.Add("customerId", $"customerId '{customerId}' is not a known customer.");
        }

        var siteHasContact = siteRow is not null && (siteRow.ContactName ?? siteRow.ContactPhone ?? siteRow.ContactEmail) is not null;
        var (lookedUpName, lookedUpPhone, lookedUpEmail) = siteHasContact
            ? (siteRow!.ContactName, siteRow.ContactPhone, siteRow.ContactEmail)
            : (customer?.ContactName, customer?.ContactPhone, customer?.ContactEmail);
        return new IntakeParty(
            customerId,
            tier ?? customer?.Tier,
            contactName ?? lookedUpName,
            contactPhone ?? lookedUpPhone,
            contactEmail ?? lookedUpEmail);
    }

    /// <summary>Customer, tier and contact from the site alone (predictive orders); all null when the site is unknown.</summary>
    public static async Task<IntakeParty> FromSiteAsync(MaintenanceDbContext db, string? site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await ResolveAsync(db, new NewWorkOrder(null, null, null), site, new ValidationErrors(), cancellationToken);
    }

    private static async Task<Site?> FindSiteAsync(MaintenanceDbContext db, string? site, CancellationToken cancellationToken) =>
        site is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == site, cancellationToken);
}
