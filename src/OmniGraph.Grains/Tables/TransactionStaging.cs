using OmniGraph.Grains.Tables.Versions;

namespace OmniGraph.Grains.Tables;

/// <summary>What a table grain remembers about one write in progress: fragments staged so far and the prepared version.</summary>
internal sealed class TransactionStaging
{
    /// <summary>Fragments written by <c>StageFragmentAsync</c>, by key.</summary>
    public Dictionary<string, FragmentData> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>The version prepared for the write, once <c>PrepareVersionAsync</c> ran.</summary>
    public TableVersionView? Prepared { get; set; }
}
