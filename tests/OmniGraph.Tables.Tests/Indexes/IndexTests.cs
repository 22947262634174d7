using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Indexes;

/// <summary>The derived indexes: a frozen base plus a copied-on-write overlay per version, folded when large.</summary>
public sealed class IndexTests
{
    [Fact]
    public void KeyIndex_TracksReplacementsAndDeletions_AcrossVersions_WithoutChangingOlderOnes()
    {
        var v1 = Version(new FragmentData(Id(), "f1", Rows.Persons("a", "b", "c"), false));
        var keys1 = v1.Keys;

        // v2: b replaced by a row of a new fragment, c deleted.
        var fragments2 = new[] { v1.Fragments[0], new FragmentData(Id(), "f2", Rows.Persons("b", "d"), false) };
        var masks2 = new[] { v1.Masks[0].With(3, [1, 2]), DeletionMask.None };
        var keys2 = keys1.With(fragments2, masks2, [Pack(0, 1), Pack(0, 2)], [Pack(1, 0), Pack(1, 1)]);

        Assert.Equal(Pack(0, 1), keys1.Find(Utf8("b")));
        Assert.Equal(Pack(0, 2), keys1.Find(Utf8("c")));
        Assert.Equal(AddressHashTable.NotFound, keys1.Find(Utf8("d")));
        Assert.Equal(Pack(1, 0), keys2.Find(Utf8("b")));
        Assert.Equal(AddressHashTable.NotFound, keys2.Find(Utf8("c")));
        Assert.Equal(Pack(1, 1), keys2.Find(Utf8("d")));
        Assert.Equal(Pack(0, 0), keys2.Find(Utf8("a")));
        Assert.Equal(3, keys2.BaseCount);
        Assert.Equal(3, keys2.OverlayCount);
    }

    [Fact]
    public void KeyIndex_FoldsTheOverlayIntoANewBase_WhenItGrowsPastTheThreshold()
    {
        var v1 = Version(new FragmentData(Id(), "f1", Rows.ManyPersons(0, 10), false));
        var added = RowKeyIndex.FoldThreshold(10) + 1;
        var fragments = new[] { v1.Fragments[0], new FragmentData(Id(), "f2", Rows.ManyPersons(10, added), false) };
        var masks = new[] { DeletionMask.None, DeletionMask.None };
        var rows = Enumerable.Range(0, added).Select(static r => Pack(1, r)).ToArray();

        var folded = v1.Keys.With(fragments, masks, [], rows);

        Assert.Equal(0, folded.OverlayCount);
        Assert.Equal(10 + added, folded.BaseCount);
        Assert.Equal(Pack(1, 5), folded.Find(Utf8($"p{15:D7}")));
    }

    [Fact]
    public void KeyIndex_CopiesAtMostTheRecentOverlay_PerVersion_AndKeepsEveryVersionsKeys()
    {
        // 40 versions of 64 rows each: the first 32 replace the keys the version before added last (the base's, for the
        // first), the other 32 are new. The base is large enough that nothing folds: each version copies only the recent
        // overlay, which the frozen one absorbs when it passes its limit.
        const int baseRows = 200_000;
        const int versions = 40;
        var v1 = Version(new FragmentData(Id(), "f0", Rows.ManyPersons(0, baseRows), false));
        Assert.True(RowKeyIndex.FoldThreshold(baseRows) > versions * 64);
        var fragments = new List<FragmentData>(v1.Fragments);
        var masks = new List<DeletionMask>(v1.Masks);
        var indexes = new List<RowKeyIndex> { v1.Keys };
        for (var n = 1; n <= versions; n++)
        {
            var first = FirstRowOf(n);
            fragments.Add(new FragmentData(Id(), $"f{n}", Rows.ManyPersons(first, 64), false));
            masks.Add(DeletionMask.None);
            var removed = Enumerable.Range(0, 32).Select(r => n == 1 ? Pack(0, first + r) : Pack(n - 1, 32 + r)).ToArray();
            var keys = indexes[^1].With([.. fragments], [.. masks], removed, [.. Enumerable.Range(0, 64).Select(r => Pack(n, r))]);
            Assert.True(keys.RecentCount <= RowKeyIndex.RecentLimit + 64, $"version {n} copies {keys.RecentCount} keys");
            Assert.Equal(baseRows, keys.BaseCount);
            indexes.Add(keys);
        }

        Assert.True(indexes[^1].OverlayCount > RowKeyIndex.RecentLimit);

        // Every version still finds exactly what it held: its own rows (the later versions' replacements not), the base's.
        for (var n = 1; n <= versions; n++)
        {
            var (index, first) = (indexes[n], FirstRowOf(n));
            Assert.Equal(Pack(n, 0), index.Find(Utf8($"p{first:D7}")));
            Assert.Equal(Pack(n, 32), index.Find(Utf8($"p{first + 32:D7}")));
            Assert.Equal(Pack(n, 63), index.Find(Utf8($"p{first + 63:D7}")));
            Assert.Equal(AddressHashTable.NotFound, index.Find(Utf8($"p{first + 64:D7}")));
            Assert.Equal(Pack(0, 5), index.Find(Utf8($"p{5:D7}")));
        }

        Assert.Equal(Pack(0, baseRows - 32), v1.Keys.Find(Utf8($"p{baseRows - 32:D7}")));
        Assert.Equal(AddressHashTable.NotFound, v1.Keys.Find(Utf8($"p{baseRows:D7}")));

        static int FirstRowOf(int version) => baseRows - 32 + (32 * (version - 1));
    }

    [Fact]
    public void Adjacency_AddsNewEdgesInAnOverlay_AndFiltersDeletedOnes()
    {
        var f1 = new FragmentData(Id(), "e1", Rows.Edges("edge:Knows", ("k1", "A", "B"), ("k2", "A", "C"), ("k3", "B", "C")), true);
        var v1 = Version(f1);
        var bySource = v1.BySource;

        var f2 = new FragmentData(Id(), "e2", Rows.Edges("edge:Knows", ("k2", "B", "A"), ("k4", "A", "D")), true);
        var masks2 = new[] { v1.Masks[0].With(3, [1]), DeletionMask.None };
        var v2 = new TableVersionView(v1.Ref, v1.Layout, v1.SchemaHash, [f1, f2], masks2, [null, null]);
        v2.InheritIndexes(v1, [Pack(0, 1)], [Pack(1, 0), Pack(1, 1)]);

        Assert.Equal(["k1", "k2"], Edges(v1, v1.BySource, "A"));
        Assert.Equal(["k1", "k4"], Edges(v2, v2.BySource, "A"));
        Assert.Equal(["k3", "k2"], Edges(v2, v2.BySource, "B"));
        Assert.Equal(["k2"], Edges(v2, v2.ByTarget, "A"));
        Assert.Empty(Edges(v2, v2.BySource, "Z"));
        Assert.Same(bySource, v1.BySource);
    }

    [Fact]
    public void RowOrdinals_NumberRowsAcrossFragments_AndTurnBackIntoAddresses()
    {
        // Fragments of 70,000, 0, 3 and 140,000 rows: chunks of 65,536 ordinals start inside the first and the last
        // fragment, and the empty fragment shares its start with the next one.
        int[] sizes = [70_000, 0, 3, 140_000];
        var fragments = sizes.Select((rows, f) => new FragmentData(Id(), $"f{f}", Rows.ManyPersons(0, rows), false)).ToArray();
        var numbering = RowOrdinals.Of(fragments);

        Assert.Equal(sizes.Sum(), numbering.Count);
        var ordinal = 0;
        for (var f = 0; f < sizes.Length; f++)
        {
            for (var row = 0; row < sizes[f]; row++, ordinal++)
            {
                Assert.Equal(ordinal, numbering.OrdinalOf(f, row));
                if (numbering.AddressOf(ordinal) != Pack(f, row))
                {
                    Assert.Fail($"ordinal {ordinal}: address {numbering.AddressOf(ordinal)}, expected fragment {f} row {row}");
                }
            }
        }

        Assert.Equal(0, RowOrdinals.Of([]).Count);
    }

    [Fact]
    public void Adjacency_GroupsEveryLiveEdgeOfSeveralFragments_InStorageOrder_AsAScanWould()
    {
        // Three fragments, the middle one with deletions, the last one past a 65,536-row chunk: each node's base edges
        // are exactly its live edges in storage order, whichever fragment they are in.
        const int nodes = 97;
        var fragments = new[]
        {
            new FragmentData(Id(), "e0", EdgesFrom(0, 500), true),
            new FragmentData(Id(), "e1", EdgesFrom(500, 1_000), true),
            new FragmentData(Id(), "e2", EdgesFrom(1_500, 70_000), true),
        };
        var masks = new[] { DeletionMask.None, DeletionMask.None.With(1_000, [0, 7, 999]), DeletionMask.None };
        var layout = Rows.Layout("edge:Knows");
        var reference = new TableVersionRef(layout.TableName, 1, "main", Id(), 1, null, fragments.Sum(static f => (long)f.Rows), null, new string('0', 64));
        var view = new TableVersionView(reference, layout, reference.SchemaHash, fragments, masks, [null, null, null]);

        foreach (var bySource in new[] { true, false })
        {
            var index = bySource ? view.BySource : view.ByTarget;
            var expected = new Dictionary<string, List<long>>();
            for (var f = 0; f < fragments.Length; f++)
            {
                var endpoints = bySource ? fragments[f].Sources! : fragments[f].Targets!;
                for (var row = 0; row < fragments[f].Rows; row++)
                {
                    if (!masks[f].IsDeleted(row))
                    {
                        var node = endpoints.GetString(row);
                        (expected.TryGetValue(node, out var list) ? list : expected[node] = []).Add(Pack(f, row));
                    }
                }
            }

            Assert.Equal(expected.Count, index.BaseGroupCount);
            foreach (var (node, edges) in expected)
            {
                var group = index.Find(Utf8(node));
                var found = new List<long>();
                foreach (var edge in index.BaseEdges(group.Base))
                {
                    found.Add(edge);
                }

                Assert.Equal(edges, found);
                Assert.Equal(edges, Edges(view, index, node).Select(id => AddressOfId(fragments, id)));
            }

            Assert.Equal(AdjacencyGroup.None, index.Find(Utf8("nobody")));
        }

        static RecordBatch EdgesFrom(int first, int count) =>
            Rows.Edges("edge:Knows", [.. Enumerable.Range(first, count).Select(static e => ($"k{e}", $"n{e % nodes}", $"n{(e * 7) % (nodes - 4)}"))]);

        static long AddressOfId(FragmentData[] fragments, string id)
        {
            var e = int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            return e < 500 ? Pack(0, e) : e < 1_500 ? Pack(1, e - 500) : Pack(2, e - 1_500);
        }
    }

    [Fact]
    public void Stager_PlansUpsertsInsertsAndOverwrites()
    {
        var v1 = Version(new FragmentData(Id(), "f1", Rows.Persons("a", "b", "c"), false));
        var write = new FragmentData(Id(), "f2", Rows.Persons("b", "x", "x"), false);

        var upsert = VersionStager.Build("node:Person", v1, [write], TableWriteMode.Upsert, KeyBatch.Of("c", "zz"), static id => new InvalidOperationException(id));
        Assert.Equal((1L, 1L, 1L), (upsert.Inserted, upsert.Replaced, upsert.Deleted));
        Assert.Equal([Pack(0, 2), Pack(0, 1)], upsert.Removed);
        Assert.Equal([Pack(1, 0), Pack(1, 2)], upsert.Added);
        Assert.True(upsert.Masks[1].IsDeleted(1));
        Assert.Equal([true, true], upsert.MaskChanged);
        Assert.Equal("c", Encoding.UTF8.GetString(upsert.RemovedIds.ToColumn().GetBytes(0)));

        var repeated = Assert.Throws<InvalidOperationException>(() => VersionStager.Build(
            "node:Person", v1, [new FragmentData(Id(), "f5", Rows.Persons("x", "x"), false)], TableWriteMode.Insert, null, static id => new InvalidOperationException(id)));
        Assert.Equal("b", Assert.IsType<OmniGraphException>(Record.Exception(() =>
            VersionStager.Build("node:Person", v1, [new FragmentData(Id(), "f3", Rows.Persons("b"), false)], TableWriteMode.Insert, null, static id => new InvalidOperationException(id)))).Get(ErrorDetail.EntityId));
        Assert.Equal("x", repeated.Message);

        var overwrite = VersionStager.Build("node:Person", v1, [new FragmentData(Id(), "f4", Rows.Persons("a", "q"), false)], TableWriteMode.Overwrite, null, static id => new InvalidOperationException(id));
        Assert.False(overwrite.ExtendsBase);
        Assert.Single(overwrite.Fragments);
        Assert.Equal(3, overwrite.Deleted);
        Assert.Equal(["b", "c"], Enumerable.Range(0, overwrite.RemovedIds.Count).Select(i => overwrite.RemovedIds.ToColumn().GetString(i)));
    }

    private static TableVersionView Version(FragmentData fragment)
    {
        var layout = fragment.Sources is null ? Rows.Layout("node:Person") : Rows.Layout("edge:Knows");
        var reference = new TableVersionRef(layout.TableName, 1, "main", Id(), 1, null, fragment.Rows, null, new string('0', 64));
        return new TableVersionView(reference, layout, reference.SchemaHash, [fragment], [DeletionMask.None], [null]);
    }

    private static List<string> Edges(TableVersionView view, AdjacencyIndex index, string node)
    {
        var visitor = new Collector([]);
        index.ForEachLiveEdge(Utf8(node), view, ref visitor);
        return [.. visitor.Edges.Select(e => view.Fragments[(int)(e >> 32)].Ids.GetString((int)(uint)e))];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;

    private static string Id() => Ulid.NewUlid().ToString();

    private readonly struct Collector(List<long> edges) : IEdgeVisitor
    {
        public List<long> Edges { get; } = edges;

        public void Visit(long edgeAddress) => Edges.Add(edgeAddress);
    }
}
