namespace WorkOrders.Prediction.Rul;

/// <summary>Raw rows of a unit → normalized signals → one window feature vector per cycle.</summary>
internal sealed class RulFeatureSpace(FeatureNormalizer normalizer, int windowCycles)
{
    public FeatureNormalizer Normalizer { get; } = normalizer;
    public int WindowCycles { get; } = windowCycles;
    public int Size => WindowFeatures.Count(Normalizer.Kept.Length);

    public double[][] Normalize(UnitHistory unit, int[] columnMap)
    {
        var history = new double[unit.Rows.Count][];
        var mapped = new double[columnMap.Length];
        for (var t = 0; t < history.Length; t++)
        {
            var values = unit.Rows[t].Values;
            for (var j = 0; j < columnMap.Length; j++)
            {
                mapped[j] = values[columnMap[j]];
            }

            history[t] = new double[Normalizer.Kept.Length];
            Normalizer.Normalize(mapped, history[t]);
        }

        return history;
    }

    public float[] Features(UnitHistory unit, double[][] normalized, int end)
    {
        var features = new float[Size];
        WindowFeatures.Build(normalized, end, unit.Rows[end].Cycle, WindowCycles, features);
        return features;
    }
}
