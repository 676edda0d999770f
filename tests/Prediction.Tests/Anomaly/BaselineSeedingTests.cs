using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>A device seeded from its asset type's baseline starts scoring sooner and raises no alarm on its normal noise.</summary>
public sealed class BaselineSeedingTests
{
    private static AnomalyBaselineCatalog Catalog(double sigma) =>
        new([new AssetTypeBaseline("pump", ["value"], [sigma], 2, [], 0)]);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void ASeededDevice_OnItsNormalNoise_RaisesNoAlarm(double baselineSigma)
    {
        var values = new Series(70).Noise(3000, level: 20, sigma: 1);
        var detector = Scoring.Factory(catalog: Catalog(baselineSigma)).Create("pump");

        var scores = Scoring.Run(detector, values);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9));
    }

    [Fact]
    public void ASeededDevice_ScoresAStepBeforeAnUnseededOneHasFinishedItsWarmUp()
    {
        var values = new Series(71).Noise(60, level: 20, sigma: 1);
        for (var i = 35; i < values.Length; i++)
        {
            values[i] += 10;
        }

        var seeded = Scoring.Run(Scoring.Factory(catalog: Catalog(1.0)).Create("pump"), values);
        var unseeded = Scoring.Run(Scoring.Factory().Create("pump"), values);

        Assert.True(seeded[35] >= 0.9, $"seeded scored {seeded[35]:0.00}");
        Assert.Equal(0, unseeded[35]);
    }
}
