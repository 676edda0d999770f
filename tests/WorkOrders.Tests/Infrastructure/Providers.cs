using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.WorkOrders.Tests.Infrastructure;

/// <summary>Theory data: run the test once on each provider.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
