using OmniGraph.Grains.Tables.Indexes;
using OmniGraph.Grains.Tables.Versions;

namespace OmniGraph.Grains.Tables;

/// <summary>What a table grain remembers about one write in progress: fragments staged so far and the prepared version.</summary>
internal sealed class TransactionStaging
{
    /// <summary>
    /// Fragments written by <c>StageFragmentAsync</c>, by key: their digests. The rows themselves are in the store only,
    /// so a load's memory is bounded by the fragments in flight, not by the file.
    /// </summary>
    public Dictionary<string, StagedFragmentDigest> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>Guards <see cref="Sources"/> and <see cref="Targets"/>: staging calls interleave and digest off the grain's thread.</summary>
    public Lock EndpointsLock { get; } = new();

    /// <summary>The distinct <c>src</c> of every staged edge row (what the cross-table checks need of an edge write).</summary>
    public DistinctKeyCollector Sources { get; } = new();

    /// <summary>The distinct <c>dst</c> of every staged edge row.</summary>
    public DistinctKeyCollector Targets { get; } = new();

    /// <summary>The version prepared for the write, once <c>PrepareVersionAsync</c> ran.</summary>
    public TableVersionView? Prepared { get; set; }
}
