using OmniGraph.Search;

namespace OmniGraph.Tables.Search;

/// <summary>
/// The text indexes of one fragment, by column and analyzer. A fragment is immutable and shared by every version that
/// lists it, so its index is built once and every later version (an append, a deletion) reuses it.
/// </summary>
internal sealed class FragmentTextIndexes
{
    public Dictionary<(int Column, string Analyzer), FragmentTextIndex> ByColumn { get; } = [];
}
