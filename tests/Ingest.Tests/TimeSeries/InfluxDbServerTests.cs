using System.Net;
using System.Text;
using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class InfluxDbServerTests(InfluxDbServer influx) : IClassFixture<InfluxDbServer>
{
    [Fact]
    public async Task AcceptsAWrite_AndAnswersAQueryForIt()
    {
        var database = await influx.CreateDatabaseAsync();
        using var http = new HttpClient { BaseAddress = influx.BaseAddress };

        using var body = new StringContent("probe,device=a value=1.5 1700000000000\n", Encoding.UTF8);
        using var write = await http.PostAsync(new Uri($"write?db={database}&precision=ms", UriKind.Relative), body);
        using var answer = await influx.QueryAsync(database, "SELECT value FROM probe");

        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
        var row = answer.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0];
        Assert.Equal(1700000000000, row[0].GetInt64());
        Assert.Equal(1.5, row[1].GetDouble());
    }

    [Fact]
    public async Task CreateDatabaseAsync_GivesEachCallerItsOwnDatabase()
    {
        var first = await influx.CreateDatabaseAsync();
        var second = await influx.CreateDatabaseAsync();

        using var answer = await influx.QueryAsync("", "SHOW DATABASES");

        Assert.NotEqual(first, second);
        var names = answer.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")
            .EnumerateArray().Select(row => row[0].GetString()).ToList();
        Assert.Contains(first, names);
        Assert.Contains(second, names);
    }

    [Fact]
    public async Task QueryAsync_Throws_WithInfluxDbsError_ForABadStatement()
    {
        var database = await influx.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => influx.QueryAsync(database, "SELEKT 1"));

        Assert.Contains("SELEKT", error.Message, StringComparison.Ordinal);
    }
}
