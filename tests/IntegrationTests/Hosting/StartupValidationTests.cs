using WorkOrders.IntegrationTests.Api;

namespace WorkOrders.IntegrationTests.Hosting;

/// <summary>A bad setting stops start-up, and the error names the key to fix.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Ingest:Mqtt:Server", "no-port")]
    [InlineData("Database:Provider", "Oracle")]
    [InlineData("Cluster:Clustering", "Zookeeper")]
    [InlineData("TimeSeries:Provider", "Cassandra")]
    [InlineData("Platform:Roles", "Everything")]
    [InlineData("Ingest:Mqtt:BatchSize", "lots")]
    [InlineData("Ingest:Mqtt:BatchSize", "0")]
    [InlineData("Ingest:Mqtt:BatchesInFlight", "0")]
    [InlineData("Ingest:Mqtt:ClientId", "bad id!")]
    [InlineData("Cluster:SiloPort", "0")]
    public async Task StartingWithABadSetting_FailsWithAnErrorNamingTheKey(string key, string value)
    {
        await using var api = new ApiFactory(broker: null, new Dictionary<string, string> { [key] = value });

        var failure = Record.Exception(() => api.Services);

        Assert.NotNull(failure);
        Assert.Contains(key, Describe(failure), StringComparison.Ordinal);
    }

    /// <summary>Every message in the exception and its inner exceptions.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(Describe).Prepend(aggregate.Message)),
        { InnerException: { } inner } => exception.Message + Environment.NewLine + Describe(inner),
        _ => exception.Message,
    };
}
