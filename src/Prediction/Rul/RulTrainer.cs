using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace WorkOrders.Prediction.Rul;

/// <summary>
/// Trains a FastTree regression of capped remaining cycles on window features from run-to-failure histories (each
/// unit fails at its last cycle). A first model on ~80% of the units measures the error and the residual band on the
/// rest; the saved model is then trained on every unit.
/// </summary>
public sealed class RulTrainer(RulTrainingOptions options)
{
    public RulModel Train(RulDataset data, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var units = data.Units();
        if (units.Count < 2)
        {
            throw new InvalidOperationException($"Training needs the run-to-failure histories of at least 2 units; found {units.Count}.");
        }

        progress?.Report("normalizing features");
        var normalizer = FeatureNormalizer.Fit([.. data.Rows.Select(r => r.Values)], options.Seed);
        var space = new RulFeatureSpace(normalizer, options.WindowCycles);
        var identity = Enumerable.Range(0, data.FeatureNames.Count).ToArray();
        var examples = units.Select(u => Examples(space, u, identity)).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var (trainIndex, holdoutIndex) = Split(units.Count);
        var ml = new MLContext(options.Seed);
        progress?.Report($"training on {trainIndex.Length} units, holding out {holdoutIndex.Length}");
        var holdoutModel = Fit(ml, space.Size, trainIndex.SelectMany(i => examples[i]));
        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = RulEvaluation.Measure(ml, holdoutModel, space, units, examples, trainIndex, holdoutIndex, options);

        progress?.Report($"training the final model on all {units.Count} units");
        var model = Fit(ml, space.Size, examples.SelectMany(e => e));
        var manifest = new RulModelManifest(
            RulModelManifest.CurrentFormatVersion,
            "FastTreeRegression",
            typeof(RulTrainer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            [.. data.FeatureNames],
            [.. normalizer.Kept.Select(j => data.FeatureNames[j])],
            WindowFeatures.Names([.. normalizer.Kept.Select(j => data.FeatureNames[j])]),
            normalizer.Regimes,
            options.WindowCycles,
            options.RulCap,
            options.Horizon,
            evaluation.Metrics with { TrainingRows = data.Rows.Count },
            evaluation.Bands);
        return new RulModel(ml, model, space, manifest);
    }

    private List<FeatureVectorRow> Examples(RulFeatureSpace space, UnitHistory unit, int[] columns)
    {
        var normalized = space.Normalize(unit, columns);
        var failure = unit.Rows[^1].Cycle;
        var rows = new List<FeatureVectorRow>(unit.Rows.Count);
        for (var t = 0; t < unit.Rows.Count; t++)
        {
            var remaining = Math.Min(failure - unit.Rows[t].Cycle, options.RulCap);
            rows.Add(new FeatureVectorRow { Label = (float)remaining, Features = space.Features(unit, normalized, t) });
        }

        return rows;
    }

    private (int[] Train, int[] Holdout) Split(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var holdout = Math.Clamp((int)Math.Round(count * options.HoldoutFraction), 1, count - 1);
        return (order[holdout..], order[..holdout]);
    }

    private ITransformer Fit(MLContext ml, int size, IEnumerable<FeatureVectorRow> rows)
    {
        var view = ml.Data.LoadFromEnumerable(rows.ToList(), FeatureVectorRow.Schema(size));
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureVectorRow.Label),
            FeatureColumnName = nameof(FeatureVectorRow.Features),
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            FeatureFraction = 0.8,
        });
        return trainer.Fit(view);
    }
}
