using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Execution.Tests.TableReads;

/// <summary>
/// <see cref="ITableBranchGrain.TraverseAsync"/>: breadth-first search semantics, set semantics over parallel edges,
/// both directions with self-loops counted once, edge outputs and filters, counts and existence bits (with and without
/// the join index).
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class TableTraversalTests(QueryCluster cluster)
{
    /// <summary>Nodes P, edges K with an optional weight.</summary>
    internal const string Schema = """
        node P { name: String @key }
        edge K: P -> P { w: I32? }
        """;

    /// <summary>Five nodes a..e.</summary>
    internal const string Nodes = """
        {"type":"P","data":{"name":"a"}}
        {"type":"P","data":{"name":"b"}}
        {"type":"P","data":{"name":"c"}}
        {"type":"P","data":{"name":"d"}}
        {"type":"P","data":{"name":"e"}}
        """;

    /// <summary>a -> a (self-loop), a -> b twice (parallel), b -> c, c -> a, c -> d; e isolated.</summary>
    internal static readonly string[] Edges =
    [
        """{"edge":"K","from":"a","to":"a","data":{"id":"k1","w":1}}""",
        """{"edge":"K","from":"a","to":"b","data":{"id":"k2","w":2}}""",
        """{"edge":"K","from":"a","to":"b","data":{"id":"k3","w":3}}""",
        """{"edge":"K","from":"b","to":"c","data":{"id":"k4"}}""",
        """{"edge":"K","from":"c","to":"a","data":{"id":"k5","w":5}}""",
        """{"edge":"K","from":"c","to":"d","data":{"id":"k6","w":6}}""",
    ];

    private static readonly string s_data = string.Join("\n", [Nodes, .. Edges]);

    private async Task<(TestGraph Graph, ITableBranchGrain Grain, TableVersionRef Edges, TableVersionRef Nodes)> GraphAsync()
    {
        var graph = await cluster.NewGraphAsync(Schema, s_data);
        var head = await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
        var edges = head.GetTable("edge:K");
        return (graph, graph.Client.GetTable(edges.Table, edges.ChainBranch), edges, head.GetTable("node:P"));
    }

    private static List<string> NeighboursOf(TraversalResult result, int source)
    {
        var names = new List<string>();
        for (var entry = result.Offsets[source]; entry < result.Offsets[source + 1]; entry++)
        {
            names.Add(result.Neighbours.GetString(result.NeighbourOrdinals[entry]));
        }

        return names;
    }

    [Theory]
    [InlineData(ExpansionDirection.Outgoing, 1, 1, "a,b|c|a,d||")]
    [InlineData(ExpansionDirection.Outgoing, 1, 3, "a,b,c,d|c,a,d|a,d,b||")]
    [InlineData(ExpansionDirection.Outgoing, 2, 3, "c,d|a,d|a,b||")]
    [InlineData(ExpansionDirection.Incoming, 1, 1, "a,c|a|b||c")]
    [InlineData(ExpansionDirection.Both, 1, 1, "a,b,c|c,a|a,d,b||c")]
    public async Task Neighbours_FollowTheBreadthFirstDefinition(ExpansionDirection direction, int min, int max, string expected)
    {
        var (_, grain, edges, _) = await GraphAsync();
        var result = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a", "b", "c", "e", "d"), direction, min, max, TraversalOutput.Neighbours));

        var actual = string.Join("|", Enumerable.Range(0, 5).Select(s => string.Join(",", NeighboursOf(result, s))));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// A self-loop emits its node at the hop after it: from b with {2,2}, c is reached at hop 1 (too early), and c's
    /// neighbours at hop 2 (a, d); a's self-loop is seen only at hop 3.
    /// </summary>
    [Fact]
    public async Task SelfLoop_EmitsAtTheHopAfterItsNode()
    {
        var (_, grain, edges, _) = await GraphAsync();
        var exactlyTwo = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("b"), ExpansionDirection.Outgoing, 2, 2, TraversalOutput.Neighbours));
        var exactlyThree = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("b"), ExpansionDirection.Outgoing, 3, 3, TraversalOutput.Neighbours));

        Assert.Equal(["a", "d"], NeighboursOf(exactlyTwo, 0));
        Assert.Equal(["a"], NeighboursOf(exactlyThree, 0));
    }

    [Fact]
    public async Task Edges_ListEveryEdge_AndBothWaysCountSelfLoopsOnce()
    {
        var (_, grain, edges, _) = await GraphAsync();
        var outgoing = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Edges) { EdgeColumns = ["w"] });
        var both = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Both, 1, 1, TraversalOutput.Edges));

        Assert.Equal(["k1", "k2", "k3"], Enumerable.Range(0, outgoing.EntryCount).Select(i => outgoing.EdgeIds!.GetString(i)));
        Assert.Equal([1, 2, 3], ((PrimitiveColumn<int>)outgoing.EdgeColumns!.Column(0)).Values.ToArray());
        Assert.Equal(["k1", "k2", "k3", "k5"], Enumerable.Range(0, both.EntryCount).Select(i => both.EdgeIds!.GetString(i)).Order(StringComparer.Ordinal));
        Assert.Equal(3, outgoing.EdgeRows.Length);
    }

    [Fact]
    public async Task EdgeFilters_SkipEdgesThatFail()
    {
        var (_, grain, edges, _) = await GraphAsync();
        ImmutableArray<ColumnPredicate> heavy = [new("w", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(3))];
        var result = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a", "b", "c"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Edges) { EdgeFilters = heavy });
        var counts = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a", "b", "c"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.EdgeCounts) { EdgeFilters = heavy });

        Assert.Equal(["b"], NeighboursOf(result, 0));
        Assert.Empty(NeighboursOf(result, 1));
        Assert.Equal(["a", "d"], NeighboursOf(result, 2));
        Assert.Equal([1L, 0L, 2L], counts.Counts.ToArray());
    }

    /// <summary>Counts: distinct neighbours (parallel edges once) or edges; the whole-table join index gives the same numbers as ids.</summary>
    [Fact]
    public async Task Counts_AgreeWithListsWithOrWithoutTheJoinIndex()
    {
        var (graph, grain, edges, nodes) = await GraphAsync();
        var sources = KeyBatch.Of("a", "b", "c", "d", "e");
        var all = await grain.TraverseAsync(edges, new TraversalRequest(sources, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Neighbours));
        var neighbourCounts = await grain.TraverseAsync(edges, new TraversalRequest(sources, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.NeighbourCounts));
        var edgeCounts = await grain.TraverseAsync(edges, new TraversalRequest(sources, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.EdgeCounts));
        var twoHops = await grain.TraverseAsync(edges, new TraversalRequest(sources, ExpansionDirection.Both, 1, 2, TraversalOutput.NeighbourCounts));

        Assert.Equal(Enumerable.Range(0, 5).Select(s => (long)NeighboursOf(all, s).Count).ToArray(), neighbourCounts.Counts.ToArray());
        Assert.Equal([2L, 1L, 2L, 0L, 0L], neighbourCounts.Counts.ToArray());
        Assert.Equal([3L, 1L, 2L, 0L, 0L], edgeCounts.Counts.ToArray());
        Assert.Equal([4L, 3L, 3L, 3L, 0L], twoHops.Counts.ToArray());

        // The ids of every live row of P, in storage order, form a whole-table source set.
        var scan = await graph.Client.GetTable(nodes.Table, nodes.ChainBranch).SelectAsync(nodes, TableSelectionRequest.All);
        var whole = new KeyBatch(scan.Ids);
        var byId = await grain.TraverseAsync(edges, new TraversalRequest(whole, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.NeighbourCounts));
        var byIdEdges = await grain.TraverseAsync(edges, new TraversalRequest(whole, ExpansionDirection.Both, 1, 1, TraversalOutput.EdgeCounts));
        for (var round = 0; round < 2; round++)
        {
            var joined = await grain.TraverseAsync(edges, new TraversalRequest(whole, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.NeighbourCounts) { SourceTable = nodes });
            var joinedEdges = await grain.TraverseAsync(edges, new TraversalRequest(whole, ExpansionDirection.Both, 1, 1, TraversalOutput.EdgeCounts) { SourceTable = nodes });
            Assert.Equal(byId.Counts.ToArray(), joined.Counts.ToArray());
            Assert.Equal(byIdEdges.Counts.ToArray(), joinedEdges.Counts.ToArray());
        }
    }

    /// <summary>
    /// Existence: one bit per source, set exactly where the count is not zero, for every direction and hop bound, with an
    /// edge filter, by id and from the whole-table bitmap the grain keeps (the second round reads it warm).
    /// </summary>
    [Theory]
    [InlineData(ExpansionDirection.Outgoing, 1, 1)]
    [InlineData(ExpansionDirection.Incoming, 1, 1)]
    [InlineData(ExpansionDirection.Both, 1, 1)]
    [InlineData(ExpansionDirection.Outgoing, 2, 2)]
    [InlineData(ExpansionDirection.Incoming, 1, 3)]
    public async Task Existence_IsSetExactlyWhereTheCountIsNotZero(ExpansionDirection direction, int min, int max)
    {
        var (graph, grain, edges, nodes) = await GraphAsync();
        var scan = await graph.Client.GetTable(nodes.Table, nodes.ChainBranch).SelectAsync(nodes, TableSelectionRequest.All);
        var whole = new KeyBatch(scan.Ids);
        ImmutableArray<ColumnPredicate> heavy = [new("w", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(3))];
        foreach (var filters in new[] { ImmutableArray<ColumnPredicate>.Empty, heavy })
        {
            var counts = await grain.TraverseAsync(edges, new TraversalRequest(whole, direction, min, max, TraversalOutput.NeighbourCounts) { EdgeFilters = filters });
            var expected = counts.Counts.Select(static c => c > 0).ToArray();
            Assert.Contains(true, expected);
            Assert.Contains(false, expected);
            var byId = await grain.TraverseAsync(edges, new TraversalRequest(whole, direction, min, max, TraversalOutput.Existence) { EdgeFilters = filters });
            Assert.Equal(expected, Enumerable.Range(0, whole.Count).Select(byId.Exists));
            for (var round = 0; round < 2; round++)
            {
                var joined = await grain.TraverseAsync(edges, new TraversalRequest(whole, direction, min, max, TraversalOutput.Existence) { EdgeFilters = filters, SourceTable = nodes });
                Assert.Equal(expected, Enumerable.Range(0, whole.Count).Select(joined.Exists));
            }
        }
    }

    [Fact]
    public async Task InvalidRequests_AreTypedRefusals()
    {
        var (_, grain, edges, _) = await GraphAsync();
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 0, 2, TraversalOutput.Neighbours)));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 3, 2, TraversalOutput.Neighbours)));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 1, 2, TraversalOutput.Edges)));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Neighbours) { EdgeColumns = ["w"] }));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidRequest, () => grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Edges) { EdgeColumns = ["nope"] }));
    }
}
