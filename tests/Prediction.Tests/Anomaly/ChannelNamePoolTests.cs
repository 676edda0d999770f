using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

public sealed class ChannelNamePoolTests
{
    [Fact]
    public void Share_ReturnsTheFirstArray_ForEveryEqualListOfNames()
    {
        var pool = new ChannelNamePool();
        var first = pool.Share(["flow", "pressure"]);

        var second = pool.Share([new string("flow".AsSpan()), new string("pressure".AsSpan())]);

        Assert.Same(first, second);
    }

    [Fact]
    public void Share_KeepsListsThatDifferInOrderOrLengthApart()
    {
        var pool = new ChannelNamePool();
        var list = pool.Share(["flow", "pressure"]);

        Assert.Equal(["pressure", "flow"], pool.Share(["pressure", "flow"]));
        Assert.Equal(["flow", "pressure", "rpm"], pool.Share(["flow", "pressure", "rpm"]));
        Assert.Equal(["flow", "pressure"], list);
    }

    [Fact]
    public void Share_DoesNotConfuseNamesThatJoinToTheSameText()
    {
        var pool = new ChannelNamePool();
        pool.Share(["a\nb"]);

        Assert.Equal(["a", "b"], pool.Share(["a", "b"]));
    }

    [Fact]
    public void Share_KeepsNamesAsGiven_OncePoolIsFull()
    {
        var pool = new ChannelNamePool();
        for (var i = 0; i < ChannelNamePool.Capacity; i++)
        {
            pool.Share([$"c{i}"]);
        }

        var late = new[] { "late" };

        Assert.Same(late, pool.Share(late));
        Assert.Same(late, pool.Share(late));
        Assert.NotSame(late, pool.Share(["late"]));
    }

    [Fact]
    public void RestoredDetectors_ShareOneArrayOfChannelNames()
    {
        var factory = Scoring.Factory();
        var exported = TwoChannelDetector(factory).ExportState();

        var a = factory.Create("pump", exported);
        var b = factory.Create("pump", exported);

        Assert.Same(a.Channels, b.Channels);
        Assert.Equal(["flow", "pressure"], a.Channels);
    }

    [Fact]
    public void ADetectorThatGainsAChannel_LeavesTheSharedNamesOfTheOthersAlone()
    {
        var factory = Scoring.Factory();
        var exported = TwoChannelDetector(factory).ExportState();
        var a = factory.Create("pump", exported);
        var b = factory.Create("pump", exported);

        b.Score(Series.At(100), new Dictionary<string, double> { ["flow"] = 1, ["pressure"] = 2, ["rpm"] = 3 });

        Assert.Equal(["flow", "pressure"], a.Channels);
        Assert.Equal(["flow", "pressure", "rpm"], b.Channels);
    }

    private static IAnomalyDetector TwoChannelDetector(IAnomalyDetectorFactory factory)
    {
        var detector = factory.Create("pump");
        var noise = new Series(3);
        for (var i = 0; i < 20; i++)
        {
            detector.Score(Series.At(i), new Dictionary<string, double> { ["flow"] = 10 + noise.Gaussian(), ["pressure"] = 4 + noise.Gaussian() });
        }

        return detector;
    }
}
