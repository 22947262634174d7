namespace OmniGraph.Search.Tests.Vectors;

/// <summary>
/// The HNSW build spread over threads (<see cref="HnswOptions.BuildParallelism"/>): recall with one thread and with
/// several, the same graph whatever the thread count (fresh builds and extensions), batches larger than the table, and
/// the option's range. Sizes span several build batches.
/// </summary>
public sealed class ParallelBuildTests
{
    private const int Dimension = 16;

    [Theory]
    [InlineData(1, VectorMetric.L2)]
    [InlineData(4, VectorMetric.L2)]
    [InlineData(1, VectorMetric.Cosine)]
    [InlineData(4, VectorMetric.Cosine)]
    public void Recall_AtTen_IsAtLeast95Percent_WithAnyThreadCount(int threads, VectorMetric metric)
    {
        var table = Table(new Random(21), metric, 2, 1_100);
        var index = HnswIndex.Build(table, new HnswOptions { BuildParallelism = threads });

        var recall = MeanRecall(table, index, VectorData.Clustered(new Random(22), 50, Dimension));

        Assert.Equal(2_200, index.NodeCount);
        Assert.True(recall >= 0.95, $"recall@10 with {threads} threads = {recall:F3}");
    }

    [Fact]
    public void Graph_DoesNotDependOnTheThreadCount()
    {
        var table = Table(new Random(23), VectorMetric.L2, 3, 500);
        var one = HnswIndex.Build(table, new HnswOptions { BuildParallelism = 1 });
        var four = HnswIndex.Build(table, new HnswOptions { BuildParallelism = 4 });

        Assert.Equal(one.EstimatedBytes, four.EstimatedBytes);
        foreach (var query in VectorData.Clustered(new Random(24), 30, Dimension))
        {
            Assert.Equal(Found(one, query), Found(four, query));
        }
    }

    [Fact]
    public void Extension_DoesNotDependOnTheThreadCount_AndKeepsRecall()
    {
        var random = new Random(25);
        var first = Columns.Vectors(Dimension, [.. VectorData.Clustered(random, 900, Dimension)]);
        var appended = Columns.Vectors(Dimension, [.. VectorData.Clustered(random, 400, Dimension)]);
        var before = VectorTable.Create(Dimension, VectorMetric.L2, [first]);
        var after = VectorTable.Create(Dimension, VectorMetric.L2, [first, appended]);

        var one = HnswIndex.Build(before, new HnswOptions { BuildParallelism = 1 }).Extend(after);
        var four = HnswIndex.Build(before, new HnswOptions { BuildParallelism = 4 }).Extend(after);
        var queries = VectorData.Clustered(new Random(26), 40, Dimension);

        Assert.Equal(1_300, four.NodeCount);
        Assert.True(MeanRecall(after, four, queries) >= 0.95);
        foreach (var query in queries)
        {
            Assert.Equal(Found(one, query), Found(four, query));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(HnswIndex.BuildBatchSize - 1)]
    [InlineData(HnswIndex.BuildBatchSize + 1)]
    public void TablesAroundOneBatch_AreConnected_SoAWideSearchIsExact(int rows)
    {
        var table = Table(new Random(27), VectorMetric.L2, 1, rows);
        var index = HnswIndex.Build(table, new HnswOptions { BuildParallelism = 3 });

        foreach (var query in VectorData.Clustered(new Random(28), 10, Dimension))
        {
            // ef above the row count: a connected graph is walked entirely, so every row is found.
            Assert.Equal(rows, index.Search(query, table.Prepare(query), ef: rows + 10, candidates: null).Count);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_025)]
    public void BuildParallelism_OutOfRange_IsRefused(int threads)
    {
        var table = Table(new Random(29), VectorMetric.L2, 1, 10);

        var error = Errors.Expect(SearchErrorCodes.OptionsInvalid, () => HnswIndex.Build(table, new HnswOptions { BuildParallelism = threads }));

        Assert.Contains($"HNSW build parallelism must be between 1 and 1,024, got {threads}.", error.Message, StringComparison.Ordinal);
    }

    private static VectorTable Table(Random random, VectorMetric metric, int fragments, int rowsPerFragment) =>
        VectorTable.Create(Dimension, metric, [.. Enumerable.Range(0, fragments).Select(_ => Columns.Vectors(Dimension, [.. VectorData.Clustered(random, rowsPerFragment, Dimension)]))]);

    private static (int Node, float Distance)[] Found(HnswIndex index, float[] query) =>
        [.. index.Search(query, index.Table.Prepare(query), 24, null).OrderBy(static n => n.Node)];

    private static double MeanRecall(VectorTable table, HnswIndex index, float[][] queries) =>
        queries.Average(query =>
        {
            var exact = table.ExactNearest(query, 10).Select(r => table.FragmentStart(r.Row.Fragment) + r.Row.Row);
            var approximate = index.Search(query, table.Prepare(query), 64, null).OrderBy(static n => n.Distance).Take(10).Select(static n => n.Node);
            return exact.Intersect(approximate).Count() / 10.0;
        });
}
