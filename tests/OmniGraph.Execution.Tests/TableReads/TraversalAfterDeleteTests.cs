using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.TableReads;

/// <summary>
/// <see cref="ITableBranchGrain.TraverseAsync"/> on a warm grain after edges were deleted. A table grain carries the
/// adjacency indexes it built for one version over to the next and only adds the new edges, so deleted edges stay in
/// the indexes and only the version's deletion masks hide them. Every request is first answered (warming every index),
/// then edges of the frozen base and of the overlay are deleted, and every output kind — distinct neighbours over one
/// and several hops, edges, neighbour counts, edge counts and existence bits, each direction, with and without the whole-table join
/// index and an edge filter — must answer exactly as a graph that never held those edges.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class TraversalAfterDeleteTests(QueryCluster cluster)
{
    // The first load is the graph of TableTraversalTests; the second (a merge) adds edges the warm indexes hold in their overlay.
    private static readonly string[] s_overlayEdges =
    [
        """{"edge":"K","from":"b","to":"e","data":{"id":"k7","w":7}}""",
        """{"edge":"K","from":"e","to":"e","data":{"id":"k8","w":8}}""",
        """{"edge":"K","from":"d","to":"b","data":{"id":"k9","w":9}}""",
    ];

    /// <summary>Base edges (the parallel twin k3, the only way out of b k4) and an overlay edge (k7).</summary>
    private static readonly string[] s_deleted = ["k3", "k4", "k7"];

    private static readonly KeyBatch s_sources = KeyBatch.Of("a", "b", "c", "d", "e");

    public static TheoryData<ExpansionDirection> Directions() =>
        [ExpansionDirection.Outgoing, ExpansionDirection.Incoming, ExpansionDirection.Both];

    private static IEnumerable<(string Name, TraversalRequest Request)> Requests(ExpansionDirection direction, TableVersionRef? nodes, KeyBatch wholeTable)
    {
        ImmutableArray<ColumnPredicate> heavy = [new("w", ColumnPredicateOperator.GreaterOrEqual, PredicateValue.FromInteger(3))];
        foreach (var (min, max) in new[] { (1, 1), (1, 3), (2, 3) })
        {
            yield return ($"neighbours {{{min},{max}}}", new TraversalRequest(s_sources, direction, min, max, TraversalOutput.Neighbours));
            yield return ($"neighbour counts {{{min},{max}}}", new TraversalRequest(s_sources, direction, min, max, TraversalOutput.NeighbourCounts));
            yield return ($"heavy neighbours {{{min},{max}}}", new TraversalRequest(s_sources, direction, min, max, TraversalOutput.Neighbours) { EdgeFilters = heavy });
            yield return ($"joined neighbour counts {{{min},{max}}}", new TraversalRequest(wholeTable, direction, min, max, TraversalOutput.NeighbourCounts) { SourceTable = nodes });
            yield return ($"existence {{{min},{max}}}", new TraversalRequest(s_sources, direction, min, max, TraversalOutput.Existence));
            yield return ($"heavy existence {{{min},{max}}}", new TraversalRequest(s_sources, direction, min, max, TraversalOutput.Existence) { EdgeFilters = heavy });
            yield return ($"joined existence {{{min},{max}}}", new TraversalRequest(wholeTable, direction, min, max, TraversalOutput.Existence) { SourceTable = nodes });
        }

        yield return ("edges", new TraversalRequest(s_sources, direction, 1, 1, TraversalOutput.Edges) { EdgeColumns = ["w"] });
        yield return ("heavy edges", new TraversalRequest(s_sources, direction, 1, 1, TraversalOutput.Edges) { EdgeFilters = heavy });
        yield return ("edge counts", new TraversalRequest(s_sources, direction, 1, 1, TraversalOutput.EdgeCounts));
        yield return ("heavy edge counts", new TraversalRequest(s_sources, direction, 1, 1, TraversalOutput.EdgeCounts) { EdgeFilters = heavy });
        yield return ("joined edge counts", new TraversalRequest(wholeTable, direction, 1, 1, TraversalOutput.EdgeCounts) { SourceTable = nodes });
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public async Task EveryOutput_OnAWarmGrain_SkipsDeletedEdges_AsAGraphWithoutThemDoes(ExpansionDirection direction)
    {
        var warm = await cluster.NewGraphAsync(TableTraversalTests.Schema, Jsonl([TableTraversalTests.Nodes], TableTraversalTests.Edges));
        await AnswerAllAsync(warm, direction);
        await warm.LoadAsync(Jsonl(s_overlayEdges), GraphLoadMode.Merge);
        await AnswerAllAsync(warm, direction);

        await warm.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.Delete("edge:K", KeyBatch.Of(s_deleted))]));
        var (warmGrain, warmEdges, _) = await EdgeTableAsync(warm);
        Assert.Equal(s_deleted.Length, (await warmGrain.GetVersionInfoAsync(warmEdges)).DeletedRowCount);

        // The reference loads the surviving edges in the warm graph's storage order (base fragment, then overlay).
        var survivors = TableTraversalTests.Edges.Concat(s_overlayEdges).Where(static e => !s_deleted.Any(id => e.Contains($"\"id\":\"{id}\"", StringComparison.Ordinal)));
        var reference = await cluster.NewGraphAsync(TableTraversalTests.Schema, Jsonl([TableTraversalTests.Nodes], survivors));
        var after = await AnswerAllAsync(warm, direction);
        var expected = await AnswerAllAsync(reference, direction);

        Assert.Equal(expected.Keys, after.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value == after[pair.Key], $"{direction} {pair.Key}: expected {pair.Value}, warm grain answered {after[pair.Key]}"));
    }

    /// <summary>The same facts spelled out for one direction, so a failure reads as the graph it is about.</summary>
    [Fact]
    public async Task Outgoing_AfterDeletingTheOnlyWayOutOfANode_AndOneOfTwoParallelEdges()
    {
        var graph = await cluster.NewGraphAsync(TableTraversalTests.Schema, Jsonl([TableTraversalTests.Nodes], TableTraversalTests.Edges));
        var (grain, edges, _) = await EdgeTableAsync(graph);
        var before = await grain.TraverseAsync(edges, new TraversalRequest(s_sources, ExpansionDirection.Outgoing, 1, 3, TraversalOutput.Neighbours));
        Assert.Equal("a,b,c,d|c,a,d|a,d,b||", Neighbours(before));

        await graph.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.Delete("edge:K", KeyBatch.Of("k3", "k4"))]));
        (grain, edges, _) = await EdgeTableAsync(graph);

        var reach = await grain.TraverseAsync(edges, new TraversalRequest(s_sources, ExpansionDirection.Outgoing, 1, 3, TraversalOutput.Neighbours));
        var list = await grain.TraverseAsync(edges, new TraversalRequest(KeyBatch.Of("a", "b"), ExpansionDirection.Outgoing, 1, 1, TraversalOutput.Edges));
        var neighbourCounts = await grain.TraverseAsync(edges, new TraversalRequest(s_sources, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.NeighbourCounts));
        var edgeCounts = await grain.TraverseAsync(edges, new TraversalRequest(s_sources, ExpansionDirection.Outgoing, 1, 1, TraversalOutput.EdgeCounts));

        Assert.Equal("a,b||a,d,b||", Neighbours(reach));
        Assert.Equal(["k1", "k2"], Enumerable.Range(0, list.EntryCount).Select(i => list.EdgeIds!.GetString(i)));
        Assert.Equal([2L, 0L, 2L, 0L, 0L], neighbourCounts.Counts.ToArray());
        Assert.Equal([2L, 0L, 2L, 0L, 0L], edgeCounts.Counts.ToArray());
    }

    /// <summary>Answers every request of <see cref="Requests"/> at the graph's head, as text keyed by the request's name.</summary>
    private static async Task<Dictionary<string, string>> AnswerAllAsync(TestGraph graph, ExpansionDirection direction)
    {
        var (grain, edges, nodes) = await EdgeTableAsync(graph);
        var scan = await graph.Client.GetTable(nodes.Table, nodes.ChainBranch).SelectAsync(nodes, TableSelectionRequest.All);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, request) in Requests(direction, nodes, new KeyBatch(scan.Ids)))
        {
            var result = await grain.TraverseAsync(edges, request);
            answers[name] = request.Output switch
            {
                TraversalOutput.Neighbours => Neighbours(result),
                TraversalOutput.Edges => $"{Neighbours(result)} edges {string.Join(",", Enumerable.Range(0, result.EntryCount).Select(i => result.EdgeIds!.GetString(i)))}"
                    + (result.EdgeColumns is { } columns ? $" w {string.Join(",", ((PrimitiveColumn<int>)columns.Column(0)).Values.ToArray())}" : string.Empty),
                TraversalOutput.Existence => string.Join(",", Enumerable.Range(0, request.Sources.Count).Select(result.Exists)),
                _ => string.Join(",", result.Counts),
            };
        }

        return answers;
    }

    private static async Task<(ITableBranchGrain Grain, TableVersionRef Edges, TableVersionRef Nodes)> EdgeTableAsync(TestGraph graph)
    {
        var head = await graph.Client.ResolveSnapshotAsync(SnapshotTarget.Head());
        var edges = head.GetTable("edge:K");
        return (graph.Client.GetTable(edges.Table, edges.ChainBranch), edges, head.GetTable("node:P"));
    }

    /// <summary>Per source, its neighbours in the order listed; sources separated by <c>|</c>.</summary>
    private static string Neighbours(TraversalResult result) =>
        string.Join("|", Enumerable.Range(0, result.Offsets.Length - 1).Select(s =>
            string.Join(",", Enumerable.Range(result.Offsets[s], result.Offsets[s + 1] - result.Offsets[s]).Select(e => result.Neighbours.GetString(result.NeighbourOrdinals[e])))));

    private static string Jsonl(params IEnumerable<string>[] parts) => string.Join("\n", parts.SelectMany(static p => p));
}
