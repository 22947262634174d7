using OmniGraph.Arrow;

namespace OmniGraph.Search.Tests.Vectors;

/// <summary>
/// The approximate index across table versions: an appended version searches with the previous graph at once (graph for
/// the old fragments, exact scan for the new), then extends it; deleted rows are never returned; many deletions rebuild.
/// </summary>
public sealed class IncrementalIndexTests
{
    private const int Dimension = 16;
    private static readonly VectorSearchOptions s_indexed = new() { ExactThreshold = 100 };

    private readonly float[][][] _parts;
    private readonly FixedSizeListColumn[] _columns;

    public IncrementalIndexTests()
    {
        var random = new Random(31);
        _parts = [.. Enumerable.Range(0, 3).Select(_ => VectorData.Clustered(random, 700, Dimension))];
        _columns = [.. _parts.Select(static p => Columns.Vectors(Dimension, [.. p.Select(static v => (float[]?)v)]))];
    }

    [Fact]
    public async Task AnAppendedVersion_SearchesWithThePreviousGraphAndAnExactTail_ThenExtendsIt()
    {
        var first = await Indexed(Version(2));
        var second = Version(3);
        var search = new NearestSearch(second, s_indexed, first.Index);
        var queries = VectorData.Clustered(new Random(32), 30, Dimension);

        Assert.False(search.IndexComplete);
        Assert.Equal(NearestStrategy.ApproximateAndExactTail, search.Nearest(queries[0], 10).Strategy);
        Assert.True(Recall(second, search, queries) >= 0.95);

        // A row of the appended fragment is its own nearest neighbour, found by the exact tail.
        Assert.Equal(new RowLocation(2, 5), search.Nearest(_parts[2][5], 1).Rows[0].Row);

        await search.BuildIndexAsync();
        Assert.True(search.IndexComplete);
        Assert.Equal(2_100, search.Index!.NodeCount);
        Assert.Equal(0, search.Index.DeadNodes);
        Assert.Equal(NearestStrategy.Approximate, search.Nearest(queries[0], 10).Strategy);
        Assert.True(Recall(second, search, queries) >= 0.95);
        Assert.Equal(new RowLocation(2, 5), search.Nearest(_parts[2][5], 1).Rows[0].Row);
        Assert.Equal(1_400, first.Index!.NodeCount);
    }

    [Fact]
    public async Task RowsDeletedSince_AreNeverReturned_BeforeOrAfterTheExtension()
    {
        var first = await Indexed(Version(2));
        int[] deletedRows = [5, 6, 7, 40, 41];
        var second = Version(3, RowSet.FromRows(700, deletedRows));
        var search = new NearestSearch(second, s_indexed, first.Index);

        AssertNeverReturned(search, deletedRows);
        await search.BuildIndexAsync();
        Assert.True(search.IndexComplete);
        Assert.Equal(deletedRows.Length, search.Index!.DeadNodes);
        Assert.Equal(NearestStrategy.Approximate, search.Nearest(_parts[1][3], 10).Strategy);
        AssertNeverReturned(search, deletedRows);
        Assert.True(Recall(second, search, VectorData.Clustered(new Random(33), 30, Dimension)) >= 0.95);
    }

    [Fact]
    public async Task ManyRowsDeletedSince_RebuildTheGraph()
    {
        var first = await Indexed(Version(2));
        var half = RowSet.FromRows(700, [.. Enumerable.Range(0, 700).Where(static r => r % 2 == 0)]);
        var second = Version(2, half, half);
        var search = new NearestSearch(second, s_indexed, first.Index);

        await search.BuildIndexAsync();

        Assert.Equal(0, search.Index!.DeadNodes);
        Assert.Equal(700, search.Index.NodeCount);
        Assert.DoesNotContain(search.Nearest(_parts[0][0], 50).Rows, static r => r.Row.Row % 2 == 0);
    }

    [Fact]
    public async Task AnIndexOfOtherColumns_IsNotUsed_AndCannotBeExtended()
    {
        var first = await Indexed(Version(2));
        var copied = VectorTable.Create(Dimension, VectorMetric.L2, [.. _parts.Take(2).Select(static p => Columns.Vectors(Dimension, [.. p.Select(static v => (float[]?)v)]))]);
        var cosine = VectorTable.Create(Dimension, VectorMetric.Cosine, [.. _columns.Take(2)]);

        Assert.Null(new NearestSearch(copied, s_indexed, first.Index).Index);
        Assert.Null(new NearestSearch(cosine, s_indexed, first.Index).Index);
        Assert.Null(new NearestSearch(VectorTable.Create(Dimension, VectorMetric.L2, [_columns[0]]), s_indexed, first.Index).Index);
        Assert.Throws<ArgumentException>(() => first.Index!.Extend(copied));
        Assert.Throws<ArgumentException>(() => first.Index!.DeadNodesIn(copied));
    }

    private VectorTable Version(int fragments, params RowSet?[] deletions) =>
        VectorTable.Create(Dimension, VectorMetric.L2, [.. _columns.Take(fragments)], deletions.Length == 0 ? null : [.. deletions, .. Enumerable.Repeat<RowSet?>(null, fragments - deletions.Length)]);

    private static async Task<NearestSearch> Indexed(VectorTable table)
    {
        var search = new NearestSearch(table, s_indexed);
        await search.BuildIndexAsync();
        Assert.True(search.IndexComplete);
        return search;
    }

    private void AssertNeverReturned(NearestSearch search, int[] deletedRows)
    {
        foreach (var row in deletedRows)
        {
            var rows = search.Nearest(_parts[0][row], 20).Rows;
            Assert.Equal(20, rows.Count);
            Assert.DoesNotContain(rows, r => r.Row.Fragment == 0 && deletedRows.Contains(r.Row.Row));
        }
    }

    private static double Recall(VectorTable table, NearestSearch search, float[][] queries) =>
        queries.Average(q => table.ExactNearest(q, 10).Select(static r => r.Row).Intersect(search.Nearest(q, 10).Rows.Select(static r => r.Row)).Count() / 10.0);
}
