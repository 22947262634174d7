namespace OmniGraph.Search.Tests;

/// <summary>Seeded vectors: clustered (as embeddings are) or uniform, and the exact answer computed naively.</summary>
internal static class VectorData
{
    public static float[][] Clustered(Random random, int rows, int dimension, int clusters = 24, float spread = 0.35f)
    {
        var centres = Enumerable.Range(0, clusters).Select(_ => Gaussian(random, dimension, 1)).ToArray();
        return [.. Enumerable.Range(0, rows).Select(_ =>
        {
            var centre = centres[random.Next(clusters)];
            var noise = Gaussian(random, dimension, spread);
            return centre.Zip(noise, static (c, n) => c + n).ToArray();
        })];
    }

    public static float[] Gaussian(Random random, int dimension, float scale) =>
        [.. Enumerable.Range(0, dimension).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())) * scale)];

    public static double L2(float[] a, float[] b) => Math.Sqrt(a.Zip(b, static (x, y) => (double)(x - y) * (x - y)).Sum());

    public static double Cosine(float[] a, float[] b)
    {
        var dot = a.Zip(b, static (x, y) => (double)x * y).Sum();
        var na = Math.Sqrt(a.Sum(static x => (double)x * x));
        var nb = Math.Sqrt(b.Sum(static x => (double)x * x));
        return nb == 0 ? 1 : 1 - (dot / (na * nb));
    }

    /// <summary>The naive top-k over the given fragments (null rows, deleted rows and non-candidates skipped), ties by storage order.</summary>
    public static List<(RowLocation Row, double Distance)> Nearest(
        float[]?[][] fragments, float[] query, int limit, VectorMetric metric, Func<RowLocation, bool>? admitted = null)
    {
        var rows = new List<(RowLocation Row, double Distance)>();
        for (var f = 0; f < fragments.Length; f++)
        {
            for (var r = 0; r < fragments[f].Length; r++)
            {
                var location = new RowLocation(f, r);
                if (fragments[f][r] is { } vector && (admitted?.Invoke(location) ?? true))
                {
                    rows.Add((location, metric == VectorMetric.L2 ? L2(query, vector) : Cosine(query, vector)));
                }
            }
        }

        return [.. rows.OrderBy(static r => r.Distance).ThenBy(static r => r.Row).Take(limit)];
    }
}
