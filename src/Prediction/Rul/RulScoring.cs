using Microsoft.ML;
using Microsoft.ML.Data;

namespace WorkOrders.Prediction.Rul;

/// <summary>Batch scoring through the ML.NET model (one pass over an IDataView, no prediction engine).</summary>
internal static class RulScoring
{
    public static float[] Predict(MLContext ml, ITransformer model, int size, IEnumerable<float[]> features)
    {
        var rows = features.Select(f => new FeatureVectorRow { Features = f }).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, FeatureVectorRow.Schema(size)));
        return [.. scored.GetColumn<float>("Score")];
    }
}
