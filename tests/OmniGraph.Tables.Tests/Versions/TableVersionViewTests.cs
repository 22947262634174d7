using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Versions;

/// <summary>
/// Table versions as views: counts and liveness over many fragments and deletion masks, versions that stay as they
/// were after later writes, the empty table, and the deletion mask's own algebra.
/// </summary>
public sealed class TableVersionViewTests
{
    [Fact]
    public void EmptyTable_HasNoRows_AndItsIndexesFindNothing()
    {
        var persons = new TableChain("node:Person");
        var knows = new TableChain("edge:Knows");

        Assert.Equal((0L, 0L), (persons.Head.RowCount, persons.Head.DeletedRowCount));
        Assert.Empty(persons.Head.Fragments);
        Assert.Equal(AddressHashTable.NotFound, persons.Head.Keys.Find(Utf8("a")));
        Assert.Equal(AddressHashTable.NotFound, persons.Head.Unique(0).Find(Email("a@x")));
        Assert.Equal(AdjacencyGroup.None, knows.Head.BySource.Find(Utf8("a")));
    }

    [Fact]
    public void ManyFragments_WithDeletions_CountAndAnswerLiveness()
    {
        var chain = new TableChain("node:Person");
        for (var f = 0; f < 12; f++)
        {
            chain.Upsert(Rows.ManyPersons(f * 10, 10));
        }

        // Every third id goes, then a second round replaces ids in fragment 0 (their old rows become deleted rows).
        var view = chain.Delete([.. Enumerable.Range(0, 120).Where(static i => i % 3 == 0).Select(static i => $"p{i:D7}")]);
        var replaced = chain.Upsert(Rows.ManyPersons(1, 2, ageOffset: 5));

        Assert.Equal(12, view.Fragments.Length);
        Assert.Equal((80L, 40L), (view.RowCount, view.DeletedRowCount));
        Assert.Equal((80L, 42L), (replaced.RowCount, replaced.DeletedRowCount));
        Assert.False(view.IsLive(Pack(0, 0)));
        Assert.True(view.IsLive(Pack(0, 1)));
        Assert.False(replaced.IsLive(Pack(0, 1)));
        Assert.True(replaced.IsLive(Pack(12, 0)));
        Assert.Equal(Pack(12, 1), replaced.Keys.Find(Utf8("p0000002")));
        Assert.Equal(Pack(0, 2), view.Keys.Find(Utf8("p0000002")));
        Assert.Equal(AddressHashTable.NotFound, replaced.Keys.Find(Utf8("p0000003")));
    }

    [Fact]
    public void OlderVersions_KeepTheirRowsAndIndexes_AfterLaterWrites()
    {
        var chain = new TableChain("node:Person");
        var first = chain.Upsert(Rows.Persons(("a", 1, "a@x"), ("b", 2, "b@x")));
        var firstKeys = first.Keys;

        var second = chain.Upsert(Rows.Persons(("a", 3, "new@x")));
        var third = chain.Delete("b");

        Assert.Same(firstKeys, first.Keys);
        Assert.Equal(Pack(0, 0), first.Keys.Find(Utf8("a")));
        Assert.Equal(Pack(0, 0), first.Unique(0).Find(Email("a@x")));
        Assert.Equal(Pack(1, 0), second.Unique(0).Find(Email("new@x")));
        Assert.Equal(AddressHashTable.NotFound, second.Unique(0).Find(Email("a@x")));
        Assert.Equal(Pack(0, 1), second.Keys.Find(Utf8("b")));
        Assert.Equal(AddressHashTable.NotFound, third.Keys.Find(Utf8("b")));
        Assert.Equal((2L, 1L, 2), (first.RowCount, third.RowCount, third.Masks[0].Count));
    }

    [Fact]
    public void Overwrite_StartsANewFragmentList_AndDropsEveryOldRow()
    {
        var chain = new TableChain("node:Person");
        chain.Upsert(Rows.Persons("a", "b"));
        chain.Upsert(Rows.Persons("c"));

        var overwritten = chain.Overwrite(Rows.Persons("b", "d"));

        Assert.Single(overwritten.Fragments);
        Assert.Equal((2L, 0L), (overwritten.RowCount, overwritten.DeletedRowCount));
        Assert.Equal(AddressHashTable.NotFound, overwritten.Keys.Find(Utf8("a")));
        Assert.Equal(Pack(0, 0), overwritten.Keys.Find(Utf8("b")));
    }

    [Fact]
    public void DeletionMask_With_IgnoresRowsAlreadyDeleted_AndReturnsItselfWhenNothingIsAdded()
    {
        var mask = DeletionMask.FromRows(130, [3, 64, 129]);

        Assert.Same(mask, mask.With(130, [3, 64]));
        Assert.Same(DeletionMask.None, DeletionMask.FromRows(130, []));
        var grown = mask.With(130, [3, 5, 5, 128]);
        Assert.Equal(5, grown.Count);
        Assert.Equal([3u, 5u, 64u, 128u, 129u], grown.ToRows());
        Assert.Equal([3u, 64u, 129u], mask.ToRows());
        Assert.Empty(DeletionMask.None.ToRows());
        Assert.False(DeletionMask.None.IsDeleted(0));
    }

    [Fact]
    public void DeletionMask_DifferingRows_AreTheSymmetricDifference_AcrossWords()
    {
        var left = DeletionMask.FromRows(200, [1, 63, 64, 190]);
        var right = DeletionMask.FromRows(200, [1, 65, 190, 199]);

        Assert.Equal([63, 64, 65, 199], left.DifferingRows(right));
        Assert.Equal([63, 64, 65, 199], right.DifferingRows(left));
        Assert.Empty(left.DifferingRows(left));
        Assert.Equal([1, 63, 64, 190], left.DifferingRows(DeletionMask.None));
        Assert.Empty(DeletionMask.None.DifferingRows(DeletionMask.None));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>An email as the unique index encodes it (the encoding an equality filter probes with).</summary>
    private static byte[] Email(string email)
    {
        var scratch = new ByteScratch();
        Assert.Equal(EncodingOutcome.Encoded, PredicateEncoding.TryEncode(ArrowType.Utf8, PredicateValue.FromString(email), scratch));
        return scratch.Written.ToArray();
    }

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;
}
