using OmniGraph.Arrow;
using OmniGraph.Search;
using OmniGraph.Tables.Search;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Search;

/// <summary>
/// The table side of search without a cluster: indexes built from a version's own fragments and deletion masks, kept
/// per version, and carried along a chain so an append indexes only its fragment and a deletion indexes nothing.
/// </summary>
public sealed class SearchIndexCacheTests
{
    private const string Schema = """
        node Doc {
            slug: String @key
            title: String?
            embedding: Vector(3)?
        }
        """;

    [Fact]
    public void TextIndex_OfAChain_IndexesEachFragmentOnce_AndHonoursDeletions()
    {
        var chain = new TableChain("node:Doc", Schema);
        var cache = new SearchIndexCache(new VectorSearchOptions());
        var first = chain.Upsert(Docs(("a", "red apple", null), ("b", "green apple", null)));
        var title = first.Layout.Schema.GetFieldIndex("title");

        Assert.Equal(["a", "b"], Matches(first, cache.Text(first, title).Search("apple")));
        Assert.Equal(1, cache.FragmentIndexBuilds);

        // An append: the child is warmed from the parent, indexing the new fragment only.
        var second = chain.Upsert(Docs(("c", "apple pie", null), ("d", null, null)));
        cache.Inherit(first, second);
        Assert.Equal(2, cache.FragmentIndexBuilds);
        Assert.Equal(1, cache.Statistics(second).TextIndexes);
        Assert.Equal(["a", "b", "c"], Matches(second, cache.Text(second, title).Search("apple")));

        // A deletion and a replacement: the deleted row and the replaced row's old text are gone; only the new fragment is indexed.
        chain.Delete("a");
        var third = chain.Upsert(Docs(("b", "blue plum", null)));
        Assert.Equal(["c"], Matches(third, cache.Text(third, title).Search("apple")));
        Assert.Equal(["b"], Matches(third, cache.Text(third, title).Search("plum")));
        Assert.Equal(3, cache.FragmentIndexBuilds);
        Assert.Equal(["a", "b"], Matches(first, cache.Text(first, title).Search("apple")));
        Assert.Equal(["c"], Matches(third, [.. cache.Text(third, title).Bm25("apple pie", 10).Select(static r => r.Row)]));
    }

    [Fact]
    public void TextIndex_OfAnAppend_ReusesTheDeletionSetsOfTheFragmentsItDidNotTouch()
    {
        var chain = new TableChain("node:Doc", Schema);
        var cache = new SearchIndexCache(new VectorSearchOptions());
        chain.Upsert(Docs(("a", "red apple", null), ("b", "green apple", null), ("c", "apple pie", null)));
        var deleted = chain.Delete("a");
        var title = deleted.Layout.Schema.GetFieldIndex("title");
        Assert.Equal(["b", "c"], Matches(deleted, cache.Text(deleted, title).Search("apple")));
        Assert.Equal(1, cache.DeletionSetBuilds);

        // Appends leave the first fragment's mask as it was: its row set is the parent's, not a new bitmap per write.
        var previous = deleted;
        for (var n = 0; n < 3; n++)
        {
            var appended = chain.Upsert(Docs(($"new{n}", "apple tart", null)));
            cache.Inherit(previous, appended);
            previous = appended;
        }

        Assert.Equal(1, cache.DeletionSetBuilds);
        Assert.Equal(["b", "c", "new0", "new1", "new2"], Matches(previous, cache.Text(previous, title).Search("apple")));
        Assert.Equal(5, cache.Text(previous, title).LiveDocuments);

        // A write that deletes in that fragment again makes a new set for its new mask only.
        var again = chain.Delete("b");
        Assert.Equal(["c", "new0", "new1", "new2"], Matches(again, cache.Text(again, title).Search("apple")));
        Assert.Equal(2, cache.DeletionSetBuilds);
    }

    [Fact]
    public void TextIndex_OfAnEmptyTable_FindsNothing()
    {
        var chain = new TableChain("node:Doc", Schema);
        var cache = new SearchIndexCache(new VectorSearchOptions());

        Assert.Empty(cache.Text(chain.Head, chain.Layout.Schema.GetFieldIndex("title")).Search("apple"));
        Assert.Equal(0, cache.FragmentIndexBuilds);
    }

    [Fact]
    public void VectorSearch_SkipsNullAndDeletedRows_AndIsMadeOncePerVersion()
    {
        var chain = new TableChain("node:Doc", Schema);
        var cache = new SearchIndexCache(new VectorSearchOptions());
        chain.Upsert(Docs(("a", null, [1, 0, 0]), ("b", null, [0, 1, 0]), ("c", null, null), ("d", null, [0.9f, 0.1f, 0])));
        var view = chain.Delete("a");
        var column = view.Layout.Schema.GetFieldIndex("embedding");

        var search = cache.Vectors(view, column);
        var nearest = search.Nearest([1, 0, 0], 10);

        Assert.Same(search, cache.Vectors(view, column));
        Assert.Equal(1, cache.VectorTableBuilds);
        Assert.Equal(NearestStrategy.Exact, nearest.Strategy);
        Assert.Equal(["d", "b"], Matches(view, [.. nearest.Rows.Select(static r => r.Row)], ordered: true));
        Assert.Equal((0, 1), (cache.Statistics(view).TextIndexes, cache.Statistics(view).VectorIndexes));
    }

    private static List<string> Matches(TableVersionView view, IReadOnlyList<RowLocation> rows, bool ordered = false)
    {
        var ids = rows.Select(r => view.Fragments[r.Fragment].Ids.GetString(r.Row));
        return ordered ? [.. ids] : [.. ids.Order(StringComparer.Ordinal)];
    }

    private static RecordBatch Docs(params (string Slug, string? Title, float[]? Embedding)[] docs)
    {
        var layout = Rows.Layout("node:Doc", Schema);
        var ids = new Utf8ColumnBuilder();
        var slugs = new Utf8ColumnBuilder();
        var titles = new Utf8ColumnBuilder();
        var embeddings = new FixedSizeListColumnBuilder(layout.Schema.Fields[layout.Schema.GetFieldIndex("embedding")].Type);
        foreach (var (slug, title, embedding) in docs)
        {
            ids.Append(slug);
            slugs.Append(slug);
            titles.Append(title);
            if (embedding is null)
            {
                embeddings.AppendNull();
            }
            else
            {
                embeddings.AppendValues<float>(embedding);
            }
        }

        return new RecordBatch(layout.Schema, [ids.Build(), slugs.Build(), titles.Build(), embeddings.Build()]);
    }
}
