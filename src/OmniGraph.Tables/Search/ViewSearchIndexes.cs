using OmniGraph.Search;

namespace OmniGraph.Tables.Search;

/// <summary>The search indexes of one loaded table version, by column index: built on first use, never persisted.</summary>
internal sealed class ViewSearchIndexes
{
    /// <summary>Full-text indexes (the version's fragment indexes and deletion masks).</summary>
    public Dictionary<int, TextIndex> Text { get; } = [];

    /// <summary>Vector searches (the version's vectors, and the HNSW graph once built).</summary>
    public Dictionary<int, NearestSearch> Vectors { get; } = [];
}
