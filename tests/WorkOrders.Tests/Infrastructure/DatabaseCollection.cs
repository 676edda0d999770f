using WorkOrders.Testing;

namespace WorkOrders.WorkOrders.Tests.Infrastructure;

/// <summary>Tests that need a database share one throwaway PostgreSQL server; each test gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "databases";
}
