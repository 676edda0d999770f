namespace WorkOrders.Maintenance.Persistence;

/// <summary>
/// Where the maintenance store lives. Read from <c>Database:Provider</c>, <c>ConnectionStrings:Maintenance</c>,
/// <c>Database:MigrateOnStart</c> and <c>Database:SeedDemoData</c>; validated on start.
/// </summary>
public sealed class MaintenanceStoreOptions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Maintenance";
    public const string MigrateOnStartKey = "Database:MigrateOnStart";
    public const string SeedDemoDataKey = "Database:SeedDemoData";
    public const string DefaultSqliteConnectionString = "Data Source=.data/workorders.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>, any case.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Required for PostgreSQL; SQLite defaults to <see cref="DefaultSqliteConnectionString"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether the hosted <see cref="MigrationRunner"/> applies migrations before the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Whether the <see cref="MigrationRunner"/> also adds the demo engineers (<see cref="Demo.DemoSeed"/>).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The parsed <see cref="Provider"/>; throws when it is not a known provider.</summary>
    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} must be 'Sqlite' or 'Postgres', not '{Provider}'.");

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && ParsedProvider == DatabaseProvider.Sqlite
            ? DefaultSqliteConnectionString
            : ConnectionString ?? "";
}
