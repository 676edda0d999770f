using System.Data.Common;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>Stops start-up with the configuration key's name when the store is misconfigured.</summary>
internal sealed class MaintenanceStoreOptionsValidator : IValidateOptions<MaintenanceStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, MaintenanceStoreOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            return ValidateOptionsResult.Fail(
                $"{MaintenanceStoreOptions.ProviderKey} must be 'Sqlite' or 'Postgres', not '{options.Provider}'.");
        }

        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{MaintenanceStoreOptions.ConnectionStringKey} is required when {MaintenanceStoreOptions.ProviderKey} is 'Postgres'.");
        }

        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = options.EffectiveConnectionString };
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(
                $"{MaintenanceStoreOptions.ConnectionStringKey} is not a valid connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
