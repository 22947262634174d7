using OmniGraph.Abstractions;
using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// Indexes only query reads use, kept per loaded table version (beside the version, never persisted, built on first
/// use): equality indexes of <c>@index</c> columns and, for edge tables, which adjacency groups hold parallel edges, join
/// indexes of whole node tables and their existence bitmaps.
/// </summary>
internal sealed class ViewQueryIndexes
{
    /// <summary>
    /// Every live id of the version in storage order, without columns or row addresses (the answer to a selection with
    /// no filter and no column; built on first use).
    /// </summary>
    public TableSelection? LiveIds { get; set; }

    /// <summary>Equality indexes by column index.</summary>
    public Dictionary<int, ColumnValueIndex> ValueIndexes { get; } = [];

    /// <summary>Per base group of the by-source adjacency: whether two live edges share a target (built on first use).</summary>
    public bool[]? OutgoingHasParallelEdges { get; set; }

    /// <summary>Per base group of the by-target adjacency: whether two live edges share a source (built on first use).</summary>
    public bool[]? IncomingHasParallelEdges { get; set; }

    /// <summary>
    /// Join indexes: for a node table version whose live rows were sent as traversal sources in storage order, the
    /// adjacency group of each row, per direction. A few are kept (the most recently built first).
    /// </summary>
    public List<(string NodeVersion, bool BySource, AdjacencyGroup[] Groups)> SourceGroups { get; } = [];

    /// <summary>
    /// Existence bitmaps: for a node table version whose live rows were sent as traversal sources in storage order, which
    /// of them have a live edge in a direction (one hop, no edge filter). An anti-join or existence test over a whole
    /// table is then a bitmap read. A few are kept (the most recently built first).
    /// </summary>
    public List<(string NodeVersion, ExpansionDirection Direction, ulong[] Bits)> Existence { get; } = [];

    /// <summary>The existence bitmap of <paramref name="nodeVersion"/>'s rows in <paramref name="direction"/>, built by <paramref name="build"/> on first use.</summary>
    public ulong[] ExistenceOf(TableVersionRef nodeVersion, ExpansionDirection direction, int sourceCount, Func<ulong[]> build)
    {
        var key = KeyOf(nodeVersion);
        var words = (sourceCount + 63) >> 6;
        foreach (var (node, held, bits) in Existence)
        {
            // The word count guards against a caller whose sources were not the whole table after all.
            if (held == direction && node == key && bits.Length == words)
            {
                return bits;
            }
        }

        var built = build();
        Existence.Insert(0, (key, direction, built));
        if (Existence.Count > MaxSourceGroups)
        {
            Existence.RemoveAt(Existence.Count - 1);
        }

        return built;
    }

    /// <summary>The join index of <paramref name="nodeVersion"/>'s rows in <paramref name="index"/>, built from <paramref name="sources"/> on first use.</summary>
    public AdjacencyGroup[] SourceGroupsOf(TableVersionRef nodeVersion, bool bySource, AdjacencyIndex index, KeyBatch sources)
    {
        var key = KeyOf(nodeVersion);
        foreach (var (node, direction, groups) in SourceGroups)
        {
            if (direction == bySource && node == key && groups.Length == sources.Count)
            {
                return groups;
            }
        }

        var built = new AdjacencyGroup[sources.Count];
        for (var i = 0; i < built.Length; i++)
        {
            built[i] = index.Find(sources[i]);
        }

        SourceGroups.Insert(0, (key, bySource, built));
        if (SourceGroups.Count > MaxSourceGroups)
        {
            SourceGroups.RemoveAt(SourceGroups.Count - 1);
        }

        return built;
    }

    private const int MaxSourceGroups = 4;

    private static string KeyOf(TableVersionRef nodeVersion) => $"{nodeVersion.Key ?? nodeVersion.Table}#{nodeVersion.ChainIncarnation}#{nodeVersion.Version}";
}
