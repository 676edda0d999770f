using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class PercentilesTests
{
    [Fact]
    public void TakesTheNearestRank_OfOneToAHundred()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        var percentiles = Percentiles.Of(values);

        Assert.Equal(new Percentiles(Count: 100, P50: 50, P99: 99, Max: 100), percentiles);
    }

    [Fact]
    public void TakesTheNearestRank_OfOneToAThousand()
    {
        var values = Enumerable.Range(1, 1_000).Select(i => i / 10.0).ToArray();

        var percentiles = Percentiles.Of(values);

        Assert.Equal(new Percentiles(Count: 1_000, P50: 50.0, P99: 99.0, Max: 100.0), percentiles);
    }

    [Fact]
    public void SortsTheValues_BeforeRanking()
    {
        var percentiles = Percentiles.Of([5.0, 1.0, 3.0]);

        Assert.Equal(new Percentiles(Count: 3, P50: 3.0, P99: 5.0, Max: 5.0), percentiles);
    }

    [Fact]
    public void LetsTheTailDecideP99_WhenOneValueInAHundredIsSlow()
    {
        var values = Enumerable.Repeat(1.0, 98).Append(500.0).Append(900.0).ToArray();

        var percentiles = Percentiles.Of(values);

        Assert.Equal(new Percentiles(Count: 100, P50: 1.0, P99: 500.0, Max: 900.0), percentiles);
    }

    [Fact]
    public void ReportsTheOnlyValue_ForEveryPercentile()
    {
        var percentiles = Percentiles.Of([42.5]);

        Assert.Equal(new Percentiles(Count: 1, P50: 42.5, P99: 42.5, Max: 42.5), percentiles);
    }

    [Fact]
    public void ReportsNotANumber_WhenThereAreNoValues()
    {
        var percentiles = Percentiles.Of([]);

        Assert.Equal(0, percentiles.Count);
        Assert.True(double.IsNaN(percentiles.P50));
        Assert.True(double.IsNaN(percentiles.P99));
        Assert.Equal("n=0", percentiles.ToString());
    }
}
