using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Tests.Rul;

public sealed class RulTrainerTests
{
    private static readonly RulTrainingOptions Fast = new() { NumberOfTrees = 60, LearningRate = 0.15 };

    private static double Rmse(IReadOnlyList<RulPrediction> predictions, Dictionary<string, double> truth) =>
        Math.Sqrt(predictions.Average(p => Math.Pow(p.Rul - truth[p.Unit], 2)));

    [Fact]
    public void BeatsAConstantMeanBaseline_OnUnitsCutBeforeFailure()
    {
        var train = RunToFailure.Train(40, seed: 1);
        var (test, truth) = RunToFailure.Test(30, seed: 2);

        var model = new RulTrainer(Fast).Train(train);
        var predictions = model.Predict(test);
        var meanRul = truth.Values.Average();
        var baseline = Math.Sqrt(truth.Values.Average(t => Math.Pow(t - meanRul, 2)));

        Assert.Equal(30, predictions.Count);
        Assert.True(Rmse(predictions, truth) < 0.7 * baseline, $"RMSE {Rmse(predictions, truth):0.0} vs constant-mean {baseline:0.0}");
        Assert.True(model.Manifest.Metrics.HoldoutRmse < model.Manifest.Metrics.BaselineRmse);
    }

    [Fact]
    public void DropsConstantFeatures_AndDescribesItselfInTheManifest()
    {
        var model = new RulTrainer(Fast).Train(RunToFailure.Train(12, seed: 3));

        Assert.Equal(RunToFailure.Features, model.Manifest.FeatureNames);
        Assert.DoesNotContain("setting", model.Manifest.UsedFeatures);
        Assert.DoesNotContain("constant", model.Manifest.UsedFeatures);
        Assert.Contains("t24", model.Manifest.UsedFeatures);
        Assert.Equal(125, model.Manifest.RulCap);
        Assert.Equal(1, model.Manifest.OperatingRegimes);
    }

    [Fact]
    public void Predictions_AreClippedAtZero_AndCarryABandAndAFailureProbability()
    {
        var model = new RulTrainer(Fast).Train(RunToFailure.Train(20, seed: 4));
        var (test, _) = RunToFailure.Test(15, seed: 5);

        var predictions = model.Predict(test);

        Assert.All(predictions, p =>
        {
            Assert.InRange(p.Rul, 0, 125);
            Assert.True(p.Lower <= p.Rul && p.Rul <= p.Upper, $"{p}");
            Assert.InRange(p.FailureProbability, 0, 1);
        });
        var soonest = predictions.MinBy(p => p.Rul)!;
        var latest = predictions.MaxBy(p => p.Rul)!;
        Assert.True(soonest.FailureProbability >= latest.FailureProbability);
    }

    [Fact]
    public void SavedZip_LoadsIntoAModelThatPredictsTheSame()
    {
        var model = new RulTrainer(Fast).Train(RunToFailure.Train(12, seed: 6));
        var (test, _) = RunToFailure.Test(8, seed: 7);
        using var zip = new MemoryStream();

        model.Save(zip);
        zip.Position = 0;
        var loaded = RulModel.Load(zip);

        Assert.Equal(model.Predict(test), loaded.Predict(test));
        Assert.Equal(model.Manifest.UsedFeatures, loaded.Manifest.UsedFeatures);
        Assert.Equal(model.Manifest.Metrics, loaded.Manifest.Metrics);
    }

    [Fact]
    public void TrainingTwiceWithTheSameSeed_GivesTheSamePredictions()
    {
        var train = RunToFailure.Train(12, seed: 8);
        var (test, _) = RunToFailure.Test(8, seed: 9);

        var first = new RulTrainer(Fast).Train(train).Predict(test);
        var second = new RulTrainer(Fast).Train(train).Predict(test);

        Assert.Equal(first, second);
    }

    [Fact]
    public void NormalizesPerOperatingRegime_WhenRowsFallIntoSeparateRegimes()
    {
        var train = RunToFailure.Train(16, seed: 10);
        var regimes = new RulDataset(train.FeatureNames, [.. train.Rows.Select((r, i) =>
        {
            var shift = (i % 3) * 100.0;
            var values = r.Values.ToArray();
            values[0] = i % 3;
            for (var j = 2; j < values.Length; j++)
            {
                values[j] += shift * (j + 1);
            }

            return r with { Values = values };
        })]);

        var model = new RulTrainer(Fast).Train(regimes);

        Assert.Equal(3, model.Manifest.OperatingRegimes);
    }
}
