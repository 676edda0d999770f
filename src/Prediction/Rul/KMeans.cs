namespace WorkOrders.Prediction.Rul;

/// <summary>Seeded k-means (k-means++ start, Lloyd iterations): finds operating regimes. Deterministic for a seed.</summary>
internal static class KMeans
{
    public static (double[][] Centroids, double Inertia) Fit(IReadOnlyList<double[]> points, int k, int seed, int iterations = 40)
    {
        var random = new Random(seed);
        var d = points[0].Length;
        var centroids = new double[k][];
        centroids[0] = (double[])points[random.Next(points.Count)].Clone();
        var nearest = new double[points.Count];
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < points.Count; i++)
            {
                nearest[i] = Nearest(points[i], centroids, c).Distance;
                total += nearest[i];
            }

            var pick = random.NextDouble() * total;
            var chosen = points.Count - 1;
            for (var i = 0; i < points.Count; i++)
            {
                pick -= nearest[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            centroids[c] = (double[])points[chosen].Clone();
        }

        var inertia = 0.0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var sums = new double[k][];
            var counts = new int[k];
            for (var c = 0; c < k; c++)
            {
                sums[c] = new double[d];
            }

            inertia = 0;
            foreach (var p in points)
            {
                var (index, distance) = Nearest(p, centroids, k);
                inertia += distance;
                counts[index]++;
                for (var j = 0; j < d; j++)
                {
                    sums[index][j] += p[j];
                }
            }

            var moved = false;
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                for (var j = 0; j < d; j++)
                {
                    var next = sums[c][j] / counts[c];
                    moved |= Math.Abs(next - centroids[c][j]) > 1e-9;
                    centroids[c][j] = next;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return (centroids, inertia);
    }

    public static (int Index, double Distance) Nearest(ReadOnlySpan<double> point, double[][] centroids, int count)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < count; c++)
        {
            var s = 0.0;
            for (var j = 0; j < point.Length; j++)
            {
                var diff = point[j] - centroids[c][j];
                s += diff * diff;
            }

            if (s < bestDistance)
            {
                bestDistance = s;
                best = c;
            }
        }

        return (best, bestDistance);
    }
}
