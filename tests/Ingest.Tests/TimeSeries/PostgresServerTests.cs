using Npgsql;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class PostgresServerTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task CreateDatabaseAsync_GivesEachTestAnIsolatedDatabase()
    {
        var first = await postgres.CreateDatabaseAsync();
        var second = await postgres.CreateDatabaseAsync();

        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int); INSERT INTO only_in_first VALUES (42);");
        var inFirst = await ScalarAsync(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'");
        var inSecond = await ScalarAsync(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'");

        Assert.NotEqual(first, second);
        Assert.Equal(1L, inFirst);
        Assert.Equal(0L, inSecond);
    }

    [Fact]
    public async Task ConnectionString_ReachesTheServerOverLoopbackTcp()
    {
        var address = await ScalarAsync(postgres.ConnectionString, "SELECT host(inet_server_addr())");

        Assert.Equal("127.0.0.1", address);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
