using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Learns an asset type's baseline from windows of normal operation: each window is standardized by its own median
/// and MAD per channel, ML.NET's RandomizedPca learns the channels' joint movement, and the detector then scores from
/// the model's eigenvectors directly (no PredictionEngine per device).
/// </summary>
public sealed class AssetTypeBaselineTrainer(int rank = 2, int seed = 7)
{
    public AssetTypeBaseline Train(
        string assetType,
        IReadOnlyList<string> channels,
        IEnumerable<IReadOnlyList<IReadOnlyDictionary<string, double>>> normalWindows)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(normalWindows);
        if (channels.Count <= rank)
        {
            throw new ArgumentException($"A rank-{rank} baseline needs more than {rank} channels; got {channels.Count}.", nameof(channels));
        }

        var rows = new List<ChannelVector>();
        var sigmas = channels.Select(_ => new List<double>()).ToArray();
        foreach (var window in normalWindows)
        {
            var matrix = channels.Select(c => window.Select(s => s.TryGetValue(c, out var v) ? v : double.NaN).ToArray()).ToArray();
            var center = matrix.Select(Median).ToArray();
            var spread = matrix.Select((column, j) => Math.Max(1.4826 * Median([.. column.Select(v => Math.Abs(v - center[j]))]), 1e-9)).ToArray();
            for (var j = 0; j < channels.Count; j++)
            {
                sigmas[j].Add(spread[j]);
            }

            for (var t = 0; t < window.Count; t++)
            {
                var z = new float[channels.Count];
                var complete = true;
                for (var j = 0; j < channels.Count; j++)
                {
                    complete &= double.IsFinite(matrix[j][t]);
                    z[j] = (float)Math.Clamp((matrix[j][t] - center[j]) / spread[j], -10, 10);
                }

                if (complete)
                {
                    rows.Add(new ChannelVector { Features = z });
                }
            }
        }

        if (rows.Count < 10 * channels.Count)
        {
            throw new ArgumentException($"Too few complete normal samples ({rows.Count}) to learn {channels.Count} channels.", nameof(normalWindows));
        }

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(ChannelVector));
        schema[nameof(ChannelVector.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, channels.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var pca = ml.AnomalyDetection.Trainers.RandomizedPca(nameof(ChannelVector.Features), rank: rank, ensureZeroMean: true, seed: seed).Fit(data);
        var components = Components(pca.Model, channels.Count);
        var energy = rows.Average(r => ResidualEnergy(r.Features, components, rank));
        return new AssetTypeBaseline(assetType, [.. channels], [.. sigmas.Select(s => Median([.. s]))], rank, components, energy);
    }

    private double[] Components(PcaModelParameters model, int channels)
    {
        VBuffer<float>[] vectors = [];
        model.GetEigenVectors(ref vectors, out var actualRank);
        if (actualRank < rank)
        {
            throw new InvalidOperationException($"RandomizedPca returned rank {actualRank}, expected {rank}.");
        }

        var components = new double[rank * channels];
        for (var i = 0; i < rank; i++)
        {
            var dense = vectors[i].DenseValues().ToArray();
            for (var j = 0; j < channels; j++)
            {
                components[i * channels + j] = dense[j];
            }
        }

        return components;
    }

    private static double ResidualEnergy(float[] z, double[] components, int rank)
    {
        var residual = z.Select(v => (double)v).ToArray();
        for (var i = 0; i < rank; i++)
        {
            var y = 0.0;
            for (var j = 0; j < z.Length; j++)
            {
                y += components[i * z.Length + j] * z[j];
            }

            for (var j = 0; j < z.Length; j++)
            {
                residual[j] -= y * components[i * z.Length + j];
            }
        }

        return residual.Sum(r => r * r);
    }

    private static double Median(double[] values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            return 0;
        }

        var middle = finite.Length / 2;
        return finite.Length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
    }

    private sealed class ChannelVector
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }
}
