using OmniGraph.Arrow.Hashing;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Traversal;

/// <summary>
/// Which base groups of an adjacency index may hold parallel edges (two live edges to the same neighbour) in one table
/// version. A group marked <c>false</c> certainly has none, so its distinct-neighbour count is its live edge count and a
/// count needs no per-edge work; <c>true</c> sends the traversal down the exact path. Built once per version.
/// </summary>
internal static class ParallelEdgeMap
{
    private const int PairwiseLimit = 8;

    public static bool[] Build(TableVersionView view, AdjacencyIndex index, bool bySource)
    {
        var map = new bool[index.BaseGroupCount];
        var neighbours = new List<long>();
        var hashes = new List<ulong>();
        var checkLive = view.DeletedRowCount > 0;
        for (var group = 0; group < map.Length; group++)
        {
            neighbours.Clear();
            foreach (var edge in index.BaseEdges(group))
            {
                if (!checkLive || view.IsLive(edge))
                {
                    neighbours.Add(edge);
                }
            }

            if (neighbours.Count < 2)
            {
                continue;
            }

            map[group] = neighbours.Count <= PairwiseLimit
                ? HasDuplicatePairwise(view, neighbours, bySource)
                : HasDuplicateHash(view, neighbours, bySource, hashes);
        }

        return map;
    }

    private static bool HasDuplicatePairwise(TableVersionView view, List<long> edges, bool bySource)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            var a = Neighbour(view, edges[i], bySource);
            for (var j = i + 1; j < edges.Count; j++)
            {
                if (a.SequenceEqual(Neighbour(view, edges[j], bySource)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasDuplicateHash(TableVersionView view, List<long> edges, bool bySource, List<ulong> hashes)
    {
        // Equal hashes are reported as "may have parallel edges": only the exact path runs more often, never a wrong one.
        hashes.Clear();
        foreach (var edge in edges)
        {
            hashes.Add(XxHash64.Hash(Neighbour(view, edge, bySource)));
        }

        hashes.Sort();
        for (var i = 1; i < hashes.Count; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> Neighbour(TableVersionView view, long edge, bool bySource)
    {
        var fragment = view.Fragments[(int)(edge >> 32)];
        return (bySource ? fragment.Targets! : fragment.Sources!).GetBytes((int)(uint)edge);
    }
}
