using WorkOrders.Grains.Devices;

namespace WorkOrders.Grains.Tests.Devices;

public sealed class SaveStaggerTests
{
    [Fact]
    public void SpreadsAFleetsFirstSavesEvenlyOverThePeriod()
    {
        var deciles = new int[10];

        for (var i = 0; i < 10_000; i++)
        {
            var phase = SaveStagger.Phase($"bench-{i:D5}");
            Assert.InRange(phase, double.Epsilon, 1.0);
            deciles[Math.Min(9, (int)(phase * 10))]++;
        }

        Assert.All(deciles, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void GivesADeviceTheSamePhaseEveryTime()
    {
        var first = SaveStagger.FirstSaveAfter("pump-7", TimeSpan.FromSeconds(30));

        var second = SaveStagger.FirstSaveAfter("pump-7", TimeSpan.FromSeconds(30));

        Assert.Equal(first, second);
        Assert.NotEqual(first, SaveStagger.FirstSaveAfter("pump-8", TimeSpan.FromSeconds(30)));
        Assert.InRange(SaveStagger.FirstSaveAfterSamples("pump-7", 500), 1, 500);
    }
}
