namespace OmniGraph.Search.Tests.Rows;

public sealed class RowSetTests
{
    [Fact]
    public void FromRows_CountsDistinctMembers()
    {
        var set = RowSet.FromRows(130, [0, 63, 64, 129, 64]);

        Assert.Equal(4, set.Count);
        Assert.Equal(130, set.Length);
        Assert.Equal([0, 63, 64, 129], set.ToRows());
        Assert.True(set.Contains(129));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(-1));
        Assert.False(set.Contains(130));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(70)]
    public void All_HoldsEveryRow_AndNoBitPastTheLength(int length)
    {
        var set = RowSet.All(length);

        Assert.Equal(length, set.Count);
        Assert.Equal(Enumerable.Range(0, length), set.ToRows());
        Assert.Equal(set.ToRows(), RowSet.FromWords(length, set.Words).ToRows());
    }

    [Fact]
    public void OutOfRangeRows_AndBadBitmaps_AreRefused()
    {
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => RowSet.FromRows(10, [10]));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => RowSet.FromRows(10, [-1]));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => RowSet.FromWords(70, [1UL]));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => RowSet.FromWords(10, [1UL << 10]));
    }

    [Fact]
    public void FromWords_Copies()
    {
        ulong[] words = [0b101];
        var set = RowSet.FromWords(3, words);
        words[0] = 0;

        Assert.Equal([0, 2], set.ToRows());
    }
}
