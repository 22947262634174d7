namespace OmniGraph.Search.Tests.Vectors;

public sealed class ExactNearestTests
{
    [Fact]
    public void Fixture_NearestIsOrderedByL2()
    {
        // AC-49: q = [0.1, 0.2, 0.3, 0.4] → ml-intro, nlp-guide, rl-intro at L2 distances 0, 0.2, 0.4.
        var nearest = SearchFixture.Embeddings().ExactNearest([0.1f, 0.2f, 0.3f, 0.4f], 3);

        Assert.Equal(["ml-intro", "nlp-guide", "rl-intro"], SearchFixture.SlugsOf(nearest.Select(static r => r.Row)));
        Assert.Equal([0, 0.2, 0.4], nearest.Select(static r => Math.Round(r.Score, 5)));
    }

    [Fact]
    public void FilteredNearest_IsTheTopKOfTheCandidates_NotAPostFilteredTopK()
    {
        // AC-49's hit/miss table: the three misses are nearer to q than every hit.
        var table = VectorTable.Create(4, VectorMetric.L2, [Columns.Vectors(4,
            [1, 0.01f, 0, 0], [1, 0, 0.02f, 0], [1, 0, 0, 0.03f], [-1, 0.01f, 0, 0], [-1, 0, 0.02f, 0], [-1, 0, 0, 0.03f])]);
        var hits = new RowFilter([RowSet.FromRows(6, [3, 4, 5])]);

        var nearest = table.ExactNearest([1, 0, 0, 0], 3, hits);

        Assert.Equal([3, 4, 5], nearest.Select(static r => r.Row.Row));
    }

    [Theory]
    [InlineData(VectorMetric.L2, 1)]
    [InlineData(VectorMetric.Cosine, 2)]
    [InlineData(VectorMetric.L2, 3)]
    public void EqualsTheNaiveScan_OverFragmentsNullsDeletionsAndFilters(VectorMetric metric, int seed)
    {
        var random = new Random(seed);
        var fragments = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, random.Next(1, 90))
            .Select(_ => random.NextDouble() < 0.1 ? null : VectorData.Gaussian(random, 7, 1)).ToArray()).ToArray();
        var deletions = fragments.Select(f => RandomCorpus.Deletions(random, f.Length, 0.15)).ToArray();
        var filter = new RowFilter([.. fragments.Select((f, i) => i == 0 ? null : RandomCorpus.Filter(random, f.Length, 0.6))]);
        var table = VectorTable.Create(7, metric, [.. fragments.Select(static f => Columns.Vectors(7, f))], deletions);
        bool Live(RowLocation r) => deletions[r.Fragment]?.Contains(r.Row) != true;
        bool Candidate(RowLocation r) => Live(r) && (filter[r.Fragment]?.Contains(r.Row) ?? true);

        for (var q = 0; q < 20; q++)
        {
            var query = VectorData.Gaussian(random, 7, 1);
            var limit = random.Next(1, 40);
            AssertSame(VectorData.Nearest(fragments, query, limit, metric, Live), table.ExactNearest(query, limit));
            AssertSame(VectorData.Nearest(fragments, query, limit, metric, Candidate), table.ExactNearest(query, limit, filter));
        }

        Assert.Equal(fragments.Sum(static f => f.Length), table.TotalRows);
        Assert.Equal(fragments.Select((f, i) => f.Where((v, r) => v is not null && deletions[i]?.Contains(r) != true).LongCount()).Sum(), table.SearchableRows);
    }

    [Fact]
    public void Cosine_RanksByAngle_NotLength()
    {
        var table = VectorTable.Create(2, VectorMetric.Cosine, [Columns.Vectors(2, [4, 0], [0.5f, 0.5f], [2, 0], [0, 0])]);

        var nearest = table.ExactNearest([1, 0], 4);

        Assert.Equal([0, 2, 1, 3], nearest.Select(static r => r.Row.Row));
        Assert.Equal(0, nearest[0].Score, 6);
        Assert.Equal(0, nearest[1].Score, 6);
        Assert.Equal(1 - Math.Sqrt(0.5), nearest[2].Score, 6);
        Assert.Equal(1, nearest[3].Score, 6);       // a stored zero vector has no direction: similarity 0
    }

    [Fact]
    public void EqualDistances_OrderByTheTieBreak()
    {
        var table = VectorTable.Create(2, VectorMetric.L2, [Columns.Vectors(2, [1, 0], [0, 1]), Columns.Vectors(2, [-1, 0])]);
        var reversed = Comparer<RowLocation>.Create(static (a, b) => b.CompareTo(a));

        Assert.Equal([new RowLocation(0, 0), new RowLocation(0, 1), new RowLocation(1, 0)], table.ExactNearest([0, 0], 3).Select(static r => r.Row));
        Assert.Equal([new RowLocation(1, 0), new RowLocation(0, 1)], table.ExactNearest([0, 0], 2, tieBreak: reversed).Select(static r => r.Row));
    }

    [Fact]
    public void LimitAboveTheRows_ReturnsEveryCandidate()
    {
        Assert.Equal(5, SearchFixture.Embeddings().ExactNearest([0, 0, 0, 0], 1000).Count);
    }

    [Fact]
    public void DistanceTo_MatchesTheScan()
    {
        var table = SearchFixture.Embeddings(VectorMetric.Cosine);
        float[] query = [0.4f, 0.1f, 0.3f, 0.2f];

        foreach (var row in table.ExactNearest(query, 5))
        {
            Assert.Equal(row.Score, table.DistanceTo(query, row.Row), 6);
            Assert.Equal(VectorData.Cosine(query, SearchFixture.Docs[row.Row.Row].Embedding), row.Score, 5);
        }
    }

    private static void AssertSame(List<(RowLocation Row, double Distance)> expected, IReadOnlyList<ScoredRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // Float32 SIMD sums may differ from the Float64 reference in the last bits: compare distances, and rows only
            // where the reference's distances are clearly apart.
            Assert.InRange(actual[i].Score - expected[i].Distance, -1e-5, 1e-5);
            var clearlyApart = (i == 0 || expected[i].Distance - expected[i - 1].Distance > 1e-4) &&
                (i == expected.Count - 1 || expected[i + 1].Distance - expected[i].Distance > 1e-4);
            if (clearlyApart)
            {
                Assert.Equal(expected[i].Row, actual[i].Row);
            }
        }
    }
}
