namespace OmniGraph.Search.Tests.Vectors;

/// <summary>Bad vector input: typed refusals with the spec's codes; nothing is searched with a bad query.</summary>
public sealed class VectorErrorTests
{
    [Fact]
    public void QueryOfTheWrongDimension_IsRefused()
    {
        var table = SearchFixture.Embeddings();

        var error = Errors.Expect(SearchErrorCodes.DimensionMismatch, () => table.ExactNearest([1, 2, 3], 3));
        Assert.StartsWith("T15:", error.Message, StringComparison.Ordinal);
        Errors.Expect(SearchErrorCodes.DimensionMismatch, () => new NearestSearch(table).Nearest([1, 2, 3, 4, 5], 3));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteQueryComponent_IsRefused(float bad)
    {
        var table = SearchFixture.Embeddings();

        Errors.Expect(SearchErrorCodes.VectorNotFinite, () => table.ExactNearest([0.1f, bad, 0.3f, 0.4f], 3));
        Errors.Expect(SearchErrorCodes.VectorNotFinite, () => new NearestSearch(table).Nearest([bad, 0, 0, 0], 1));
    }

    [Fact]
    public void ZeroQuery_IsRefusedForCosine_AndFineForL2()
    {
        Errors.Expect(SearchErrorCodes.VectorZero, () => SearchFixture.Embeddings(VectorMetric.Cosine).ExactNearest([0, 0, 0, 0], 1));

        Assert.Single(SearchFixture.Embeddings().ExactNearest([0, 0, 0, 0], 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void LimitBelowOne_IsRefused(int limit)
    {
        var table = SearchFixture.Embeddings();

        Errors.Expect(SearchErrorCodes.LimitInvalid, () => table.ExactNearest([0, 0, 0, 0], limit));
        Errors.Expect(SearchErrorCodes.LimitInvalid, () => new NearestSearch(table).Nearest([0, 0, 0, 0], limit));
    }

    [Fact]
    public void StoredNonFiniteVector_IsRefusedWhenTheTableIsMade_UnlessDeleted()
    {
        var column = Columns.Vectors(2, [1, 0], [float.NaN, 0]);

        Errors.Expect(SearchErrorCodes.VectorNotFinite, () => VectorTable.Create(2, VectorMetric.L2, [column]));

        var table = VectorTable.Create(2, VectorMetric.L2, [column], [RowSet.FromRows(2, [1])]);
        Assert.Equal([new RowLocation(0, 0)], table.ExactNearest([0, 0], 5).Select(static r => r.Row));
    }

    [Fact]
    public void NonVectorColumns_AndDimensionsOutOfRange_AreRefused()
    {
        Errors.Expect(SearchErrorCodes.NotVectorColumn, () => VectorTable.Create(1, VectorMetric.L2, [Columns.Integers(1)]));
        Errors.Expect(SearchErrorCodes.NotVectorColumn, () => VectorTable.Create(0, VectorMetric.L2, []));
        Errors.Expect(SearchErrorCodes.NotVectorColumn, () => VectorTable.Create(SearchLimits.MaxDimension + 1, VectorMetric.L2, []));
        Errors.Expect(SearchErrorCodes.DimensionMismatch, () => VectorTable.Create(3, VectorMetric.L2, [Columns.Vectors(2, [1, 0])]));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => VectorTable.Create(2, (VectorMetric)7, [Columns.Vectors(2, [1, 0])]));
    }

    [Fact]
    public void MasksAndFilters_OfTheWrongShape_AreRefused()
    {
        var column = Columns.Vectors(2, [1, 0], [0, 1]);

        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => VectorTable.Create(2, VectorMetric.L2, [column], [null, null]));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => VectorTable.Create(2, VectorMetric.L2, [column], [RowSet.FromRows(3, [0])]));
        var table = VectorTable.Create(2, VectorMetric.L2, [column]);
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => table.ExactNearest([0, 0], 1, new RowFilter([RowSet.All(5)])));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => new NearestSearch(table).Nearest([0, 0], 1, new RowFilter([])));
    }

    [Fact]
    public void SearchOptions_OutOfRange_AreRefused()
    {
        var table = SearchFixture.Embeddings();

        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => new NearestSearch(table, new VectorSearchOptions { ExactThreshold = -1 }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => new NearestSearch(table, new VectorSearchOptions { FilteredExactShare = 2 }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => new NearestSearch(table, new VectorSearchOptions { MaxFilteredEf = 0 }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => new NearestSearch(table, new VectorSearchOptions { MaxDeadShare = -0.5 }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => new NearestSearch(table, new VectorSearchOptions { Hnsw = new HnswOptions { M = 1 } }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => HnswIndex.Build(table, new HnswOptions { M = 16, EfConstruction = 8 }));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => HnswIndex.Build(table, new HnswOptions { EfSearch = 0 }));
    }
}
