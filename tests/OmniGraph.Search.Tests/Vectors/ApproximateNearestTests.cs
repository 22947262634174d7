namespace OmniGraph.Search.Tests.Vectors;

/// <summary>
/// The HNSW index and the exact/approximate choice of <see cref="NearestSearch"/>: recall against the exact scan on
/// clustered data (unfiltered, filtered, cosine), the strategy used, determinism, background build. Sizes are small
/// (a few thousand rows) so the suite stays cheap; the benchmark measures the large sizes.
/// </summary>
public sealed class ApproximateNearestTests
{
    private const int Dimension = 24;
    private static readonly VectorSearchOptions s_indexed = new() { ExactThreshold = 100 };

    [Theory]
    [InlineData(VectorMetric.L2)]
    [InlineData(VectorMetric.Cosine)]
    public async Task Recall_AtTen_IsAtLeast95Percent(VectorMetric metric)
    {
        var (table, _) = Table(new Random(3), metric, fragments: 3, rowsPerFragment: 1_200);
        var search = new NearestSearch(table, s_indexed);
        await search.BuildIndexAsync();

        var queries = VectorData.Clustered(new Random(4), 60, Dimension);
        var recall = MeanRecall(queries, q => table.ExactNearest(q, 10), q => Approximate(search, q, 10, null));

        Assert.True(recall >= 0.95, $"recall@10 = {recall:F3}");
    }

    [Fact]
    public async Task FilteredSearch_ReturnsOnlyCandidates_WithHighRecall()
    {
        var random = new Random(5);
        var (table, fragments) = Table(random, VectorMetric.L2, fragments: 2, rowsPerFragment: 1_500);
        var search = new NearestSearch(table, s_indexed);
        await search.BuildIndexAsync();
        var filter = new RowFilter([.. fragments.Select(f => RandomCorpus.Filter(random, f.Length, 0.3))]);

        var queries = VectorData.Clustered(new Random(6), 40, Dimension);
        var recall = MeanRecall(queries, q => table.ExactNearest(q, 10, filter), q => Approximate(search, q, 10, filter));

        Assert.True(recall >= 0.95, $"filtered recall@10 = {recall:F3}");
        foreach (var query in queries)
        {
            Assert.All(search.Nearest(query, 10, filter).Rows, r => Assert.True(filter[r.Row.Fragment]!.Contains(r.Row.Row)));
        }
    }

    [Fact]
    public async Task NarrowFilter_IsScannedExactly()
    {
        var (table, fragments) = Table(new Random(7), VectorMetric.L2, fragments: 1, rowsPerFragment: 2_000);
        var search = new NearestSearch(table, s_indexed);
        await search.BuildIndexAsync();
        var narrow = new RowFilter([RowSet.FromRows(fragments[0].Length, [5, 50, 500])]);
        var query = VectorData.Gaussian(new Random(8), Dimension, 1);

        var result = search.Nearest(query, 10, narrow);

        Assert.Equal(NearestStrategy.Exact, result.Strategy);
        Assert.Equal(table.ExactNearest(query, 10, narrow), result.Rows);
    }

    [Fact]
    public async Task SmallTables_AreAlwaysExact_AndBuildNoIndex()
    {
        var table = SearchFixture.Embeddings();
        var search = new NearestSearch(table);

        await search.BuildIndexAsync();

        Assert.False(search.WantsIndex);
        Assert.Null(search.Index);
        Assert.Equal(NearestStrategy.Exact, search.Nearest([0.1f, 0.2f, 0.3f, 0.4f], 3).Strategy);
    }

    [Fact]
    public async Task BeforeTheIndexIsComplete_SearchIsExact_ThenApproximate()
    {
        var (table, _) = Table(new Random(9), VectorMetric.L2, fragments: 1, rowsPerFragment: 600);
        var search = new NearestSearch(table, s_indexed);
        var query = VectorData.Gaussian(new Random(10), Dimension, 1);

        var before = search.Nearest(query, 5);
        var build = search.BuildIndexAsync();
        Assert.Same(build, search.BuildIndexAsync());
        await build;
        var after = search.Nearest(query, 5);

        Assert.Equal(NearestStrategy.Exact, before.Strategy);
        Assert.Equal(NearestStrategy.Approximate, after.Strategy);
        Assert.Equal(600, search.Index!.NodeCount);
        Assert.True(search.Index.EstimatedBytes > 600 * 32 * sizeof(int));
    }

    [Fact]
    public void Build_IsDeterministic_AndSkipsNullAndDeletedRows()
    {
        var random = new Random(12);
        var rows = VectorData.Clustered(random, 800, Dimension).Select((v, i) => i % 10 == 3 ? null : v).ToArray();
        var deleted = RowSet.FromRows(rows.Length, [.. Enumerable.Range(0, rows.Length).Where(static i => i % 10 == 7)]);
        var table = VectorTable.Create(Dimension, VectorMetric.L2, [Columns.Vectors(Dimension, rows)], [deleted]);
        var first = HnswIndex.Build(table);
        var second = HnswIndex.Build(table);
        var queries = VectorData.Clustered(new Random(13), 20, Dimension);

        Assert.Equal(640, first.NodeCount);
        foreach (var query in queries)
        {
            var a = first.Search(query, 1, 32, null).OrderBy(static n => n.Node).ToArray();
            var b = second.Search(query, 1, 32, null).OrderBy(static n => n.Node).ToArray();
            Assert.Equal(a, b);
            Assert.All(a, n => Assert.True(rows[n.Node] is not null && !deleted.Contains(n.Node)));
        }
    }

    [Fact]
    public void Build_HonoursCancellation()
    {
        var (table, _) = Table(new Random(14), VectorMetric.L2, fragments: 1, rowsPerFragment: 3_000);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => HnswIndex.Build(table, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task CancelledBuild_CanBeStartedAgain()
    {
        var (table, _) = Table(new Random(15), VectorMetric.L2, fragments: 1, rowsPerFragment: 400);
        var search = new NearestSearch(table, s_indexed);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.BuildIndexAsync(cancelled.Token));
        Assert.Null(search.Index);
        await search.BuildIndexAsync();
        Assert.NotNull(search.Index);
    }

    private static (VectorTable Table, float[]?[][] Fragments) Table(Random random, VectorMetric metric, int fragments, int rowsPerFragment)
    {
        var parts = Enumerable.Range(0, fragments).Select(_ => VectorData.Clustered(random, rowsPerFragment, Dimension).Select(static v => (float[]?)v).ToArray()).ToArray();
        return (VectorTable.Create(Dimension, metric, [.. parts.Select(static p => Columns.Vectors(Dimension, p))]), parts);
    }

    private static IReadOnlyList<ScoredRow> Approximate(NearestSearch search, float[] query, int limit, RowFilter? filter)
    {
        var result = search.Nearest(query, limit, filter);
        Assert.Equal(NearestStrategy.Approximate, result.Strategy);
        Assert.Equal(limit, result.Rows.Count);
        return result.Rows;
    }

    private static double MeanRecall(float[][] queries, Func<float[], IReadOnlyList<ScoredRow>> exact, Func<float[], IReadOnlyList<ScoredRow>> approximate) =>
        queries.Average(q => exact(q).Select(static r => r.Row).Intersect(approximate(q).Select(static r => r.Row)).Count() / (double)exact(q).Count);
}
