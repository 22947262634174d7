using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Traversal;
using OmniGraph.Tables.Versions;
using OmniGraph.Testing.Errors;
using Edge = OmniGraph.Tables.Tests.Support.TraversalConformance.Edge;

namespace OmniGraph.Tables.Tests.Traversal;

/// <summary>
/// Traversal of one edge table version without a cluster: random graphs with parallel edges, self-loops, deleted and
/// replaced edges over base and overlay adjacency groups, all checked by <see cref="TraversalConformance"/>; edge
/// filters and columns, join indexes, the parallel-edge map, node interning, and the typed errors of bad requests.
/// </summary>
public sealed class EdgeTraverserTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomGraphs_AnswerAsAPlainBreadthFirstSearch(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 10).Select(static n => $"n{n}").ToArray();
        var chain = new TableChain("edge:Knows");
        var model = new Dictionary<string, Edge>(StringComparer.Ordinal);
        var next = 0;
        for (var f = 0; f < 4; f++)
        {
            // Random endpoints give parallel edges and self-loops; reading the indexes between writes makes the later
            // fragments overlay groups of the carried-over index.
            var written = Enumerable.Range(0, 15).Select(_ => new Edge($"e{next++:D3}", nodes[random.Next(nodes.Length)], nodes[random.Next(nodes.Length)])).ToArray();
            Write(chain, model, written);
            _ = (chain.Head.BySource, chain.Head.ByTarget);
        }

        var deleted = model.Keys.Where(_ => random.Next(4) == 0).ToArray();
        chain.Delete(deleted);
        Array.ForEach(deleted, id => model.Remove(id));
        var moved = model.Values.Take(5).Select(e => e with { To = nodes[random.Next(nodes.Length)] }).ToArray();
        Write(chain, model, moved);

        TraversalConformance.Check(chain.Head, [.. model.Values], [.. nodes, "absent", nodes[0]], maxHops: 3);
    }

    [Fact]
    public void EmptyEdgeTable_ReachesNothing()
    {
        var chain = new TableChain("edge:Knows");

        TraversalConformance.Check(chain.Head, [], ["a", "b"], maxHops: 2);
    }

    [Fact]
    public void EveryEdgeDeleted_ReachesNothing()
    {
        var chain = new TableChain("edge:Knows");
        chain.Upsert(Rows.Edges("edge:Knows", ("k1", "a", "b"), ("k2", "b", "a"), ("k3", "a", "a")));
        _ = chain.Head.BySource;
        chain.Delete("k1", "k2", "k3");

        TraversalConformance.Check(chain.Head, [], ["a", "b"], maxHops: 2);
    }

    [Fact]
    public void EdgeFilters_AreNotFollowed_AndEdgeColumnsComeWithTheEdges()
    {
        var chain = new TableChain("edge:Road", TestSchemas.Roads);
        Edge[] roads = [new("r1", "A", "B", 10), new("r2", "B", "C", 80), new("r3", "A", "C", 40), new("r4", "C", "D", 5), new("r5", "B", "B", 1)];
        chain.Upsert(Rows.Roads([.. roads.Select(static r => (r.Id, r.From, r.To, r.Km))]));
        var shortRoads = new ColumnPredicate("km", ColumnPredicateOperator.Less, PredicateValue.FromInteger(50));

        TraversalConformance.Check(chain.Head, roads, ["A", "B", "C", "D"], maxHops: 3, static r => r.Km < 50, [shortRoads]);

        var request = new TraversalRequest(KeyBatch.Of("A", "B"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Edges) { EdgeFilters = [shortRoads], EdgeColumns = ["km"] };
        var result = EdgeTraverser.Prepare(chain.Head, request, new ViewQueryIndexes()).Run();
        var km = (PrimitiveColumn<int>)result.EdgeColumns!.Column("km");
        Assert.Equal(["r1", "r3", "r5"], Enumerable.Range(0, result.EdgeIds!.Length).Select(i => result.EdgeIds.GetString(i)));
        Assert.Equal([10, 40, 1], Enumerable.Range(0, km.Length).Select(i => km.GetValue(i)));
    }

    [Fact]
    public void AWholeTableSourceList_IsCountedThroughItsJoinIndex_BuiltOnce()
    {
        var chain = new TableChain("edge:Knows");
        chain.Upsert(Rows.Edges("edge:Knows", ("k1", "a", "b"), ("k2", "a", "c"), ("k3", "c", "a"), ("k4", "a", "b")));
        var people = new TableVersionRef("node:Person", 2, "main", "i1", 7, "tables/people/7.json", 4, null, new string('0', 64));
        var sources = KeyBatch.Of("a", "b", "c", "d");
        var indexes = new ViewQueryIndexes();

        long[] Counts(TraversalOutput output, ExpansionDirection direction, TableVersionRef? table) =>
            [.. EdgeTraverser.Prepare(chain.Head, new TraversalRequest(sources, direction, 1, 1, output) { SourceTable = table }, indexes).Run().Counts];

        foreach (var direction in new[] { ExpansionDirection.Outgoing, ExpansionDirection.Incoming, ExpansionDirection.Both })
        {
            Assert.Equal(Counts(TraversalOutput.NeighbourCounts, direction, null), Counts(TraversalOutput.NeighbourCounts, direction, people));
            Assert.Equal(Counts(TraversalOutput.EdgeCounts, direction, null), Counts(TraversalOutput.EdgeCounts, direction, people));
        }

        Assert.Equal([2L, 0, 1, 0], Counts(TraversalOutput.NeighbourCounts, ExpansionDirection.Outgoing, people));
        Assert.Equal([3L, 0, 1, 0], Counts(TraversalOutput.EdgeCounts, ExpansionDirection.Outgoing, people));
        Assert.Equal(2, indexes.SourceGroups.Count);
    }

    [Fact]
    public void ParallelEdgeMap_FlagsExactlyTheGroupsWithTwoLiveEdgesToOneNeighbour()
    {
        var chain = new TableChain("edge:Knows");
        // a has a parallel pair (to b); c has one only until k5 is deleted; d has nine distinct targets (hashed path)
        // plus one repeated; e has none.
        var edges = new List<(string, string, string)> { ("k1", "a", "b"), ("k2", "a", "b"), ("k3", "c", "x"), ("k4", "c", "y"), ("k5", "c", "x"), ("k6", "e", "x") };
        edges.AddRange(Enumerable.Range(0, 9).Select(static i => ($"d{i}", "d", $"t{i}")));
        edges.Add(("d9", "d", "t3"));
        var view = chain.Upsert(Rows.Edges("edge:Knows", [.. edges]));
        var after = chain.Delete("k5");

        Assert.Equal(new Dictionary<string, bool> { ["a"] = true, ["c"] = true, ["d"] = true, ["e"] = false }, Flags(view));
        Assert.Equal(new Dictionary<string, bool> { ["a"] = true, ["c"] = false, ["d"] = true, ["e"] = false }, Flags(after));
    }

    [Fact]
    public void NodeInterner_GivesOneOrdinalPerId_WhereverItsBytesLive()
    {
        var chain = new TableChain("edge:Knows");
        var view = chain.Upsert(Rows.Edges("edge:Knows", ("k1", "a", "b"), ("k2", "b", "a")));
        var interner = new NodeInterner(view.Fragments, KeyBatch.Of("a", "zz", "a"));

        var a = interner.InternSource(0);
        var zz = interner.InternSource(1);

        Assert.Equal(a, interner.InternSource(2));
        Assert.Equal(a, interner.InternEndpoint(Pack(0, 0), targetSide: false, Utf8("a")));
        Assert.Equal(a, interner.InternEndpoint(Pack(0, 1), targetSide: true, Utf8("a")));
        var b = interner.InternEndpoint(Pack(0, 0), targetSide: true, Utf8("b"));
        Assert.Equal((0, 1, 2, 3), (a, zz, b, interner.Count));
        Assert.Equal("b", Encoding.UTF8.GetString(interner.KeyOf(b)));
        Assert.Equal("zz", Encoding.UTF8.GetString(interner.KeyOf(zz)));
    }

    [Theory]
    [InlineData(0, 1, TraversalOutput.Neighbours, false, "hop bounds {0,1} are invalid")]
    [InlineData(2, 1, TraversalOutput.Neighbours, false, "hop bounds {2,1} are invalid")]
    [InlineData(1, 2, TraversalOutput.Edges, false, "edge outputs are single-hop")]
    [InlineData(1, 2, TraversalOutput.EdgeCounts, false, "edge outputs are single-hop")]
    [InlineData(1, 1, TraversalOutput.Neighbours, true, "edge columns are returned only with the edges output")]
    public void BadRequests_AreInvalidRequests(int min, int max, TraversalOutput output, bool columns, string reason)
    {
        var chain = new TableChain("edge:Road", TestSchemas.Roads);
        var request = new TraversalRequest(KeyBatch.Of("A"), ExpansionDirection.Outgoing, min, max, output) { EdgeColumns = columns ? ["km"] : [] };

        var error = ErrorAssert.Throws(ErrorCodes.InvalidRequest, () => EdgeTraverser.Prepare(chain.Head, request, new ViewQueryIndexes()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static void Write(TableChain chain, Dictionary<string, Edge> model, Edge[] edges)
    {
        chain.Upsert(Rows.Edges("edge:Knows", [.. edges.Select(static e => (e.Id, e.From, e.To))]));
        foreach (var edge in edges)
        {
            model[edge.Id] = edge;
        }
    }

    private static Dictionary<string, bool> Flags(TableVersionView view)
    {
        var map = ParallelEdgeMap.Build(view, view.BySource, bySource: true);
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in new[] { "a", "c", "d", "e" })
        {
            flags[node] = map[view.BySource.Find(Utf8(node)).Base];
        }

        return flags;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;
}
