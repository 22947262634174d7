using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Traversal;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Support;

/// <summary>
/// The traversal contract (<see cref="TraversalRequest"/>'s remarks) checked against a plain breadth-first search over
/// a list of the live edges: for every output (neighbours, edges, both counts), direction and hop range, each source's
/// answer is the reference's. Every way the engine answers goes through it: the per-edge search, the counting fast path
/// (a group without parallel edges), the join index of a whole-table source list, base and overlay adjacency groups.
/// </summary>
internal static class TraversalConformance
{
    /// <summary>One live edge of the model: id, endpoints, and its value of the edge filter's column when there is one.</summary>
    public sealed record Edge(string Id, string From, string To, int Km = 0);

    public static void Check(TableVersionView view, IReadOnlyList<Edge> live, IReadOnlyList<string> sources, int maxHops, Func<Edge, bool>? edgeFilter = null, ImmutableArray<ColumnPredicate> filters = default)
    {
        var passing = live.Where(e => edgeFilter?.Invoke(e) ?? true).ToList();
        var indexes = new ViewQueryIndexes();
        var batch = KeyBatch.Of([.. sources]);
        foreach (var direction in new[] { ExpansionDirection.Outgoing, ExpansionDirection.Incoming, ExpansionDirection.Both })
        {
            for (var min = 1; min <= maxHops; min++)
            {
                for (var max = min; max <= maxHops; max++)
                {
                    var request = new TraversalRequest(batch, direction, min, max, TraversalOutput.Neighbours) { EdgeFilters = filters.IsDefault ? [] : filters };
                    var expected = sources.Select(s => Search(passing, s, direction, min, max)).ToList();
                    Assert.Equal(expected, Lists(Run(view, request, indexes)));
                    var counts = Run(view, request with { Output = TraversalOutput.NeighbourCounts }, indexes).Counts;
                    Assert.Equal(expected.Select(static e => (long)e.Count), counts);
                }
            }

            var single = new TraversalRequest(batch, direction, 1, 1, TraversalOutput.Edges) { EdgeFilters = filters.IsDefault ? [] : filters };
            var edges = sources.Select(s => Incident(passing, s, direction).Select(static e => e.Id).Order(StringComparer.Ordinal).ToList()).ToList();
            var listed = Run(view, single, indexes);
            Assert.Equal(edges, Enumerable.Range(0, sources.Count).Select(s => Range(listed, s).Select(i => listed.EdgeIds!.GetString(i)).Order(StringComparer.Ordinal).ToList()));
            Assert.All(listed.EdgeRows, row => Assert.True(view.IsLive(row.Packed)));
            var counted = Run(view, single with { Output = TraversalOutput.EdgeCounts }, indexes);
            Assert.Equal(edges.Select(static e => (long)e.Count), counted.Counts);
        }
    }

    private static TraversalResult Run(TableVersionView view, TraversalRequest request, ViewQueryIndexes indexes) =>
        EdgeTraverser.Prepare(view, request, indexes).Run();

    private static List<List<string>> Lists(TraversalResult result) =>
        [.. Enumerable.Range(0, result.Offsets.Length - 1).Select(s => Range(result, s).Select(i => result.Neighbours.GetString(result.NeighbourOrdinals[i])).Order(StringComparer.Ordinal).ToList())];

    private static IEnumerable<int> Range(TraversalResult result, int source) =>
        Enumerable.Range(result.Offsets[source], result.Offsets[source + 1] - result.Offsets[source]);

    /// <summary>The reference search: a node is emitted and enqueued the first time it is reached; a self-loop emits its node once.</summary>
    private static List<string> Search(List<Edge> edges, string source, ExpansionDirection direction, int min, int max)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { source };
        var emitted = new List<string>();
        var frontier = new List<string> { source };
        for (var hop = 1; hop <= max && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in Neighbours(edges, node, direction))
                {
                    if (neighbour == node)
                    {
                        if (hop >= min && !emitted.Contains(neighbour))
                        {
                            emitted.Add(neighbour);
                        }
                    }
                    else if (visited.Add(neighbour))
                    {
                        next.Add(neighbour);
                        if (hop >= min)
                        {
                            emitted.Add(neighbour);
                        }
                    }
                }
            }

            frontier = next;
        }

        return [.. emitted.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Neighbours(List<Edge> edges, string node, ExpansionDirection direction)
    {
        if (direction != ExpansionDirection.Incoming)
        {
            foreach (var edge in edges.Where(e => e.From == node))
            {
                yield return edge.To;
            }
        }

        if (direction != ExpansionDirection.Outgoing)
        {
            foreach (var edge in edges.Where(e => e.To == node))
            {
                yield return edge.From;
            }
        }
    }

    /// <summary>The edges one hop lists: outgoing, incoming, or both with a self-loop once.</summary>
    private static IEnumerable<Edge> Incident(List<Edge> edges, string node, ExpansionDirection direction) => direction switch
    {
        ExpansionDirection.Outgoing => edges.Where(e => e.From == node),
        ExpansionDirection.Incoming => edges.Where(e => e.To == node),
        _ => edges.Where(e => e.From == node || e.To == node),
    };
}
