using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Versions;

/// <summary>What a table grain remembers about one write in progress: fragments staged so far and the prepared version.</summary>
internal sealed class TransactionStaging
{
    /// <summary>
    /// Fragments written by <c>StageFragmentAsync</c>, by key: their digests. The rows themselves are in the store only,
    /// so a load's memory is bounded by the fragments in flight, not by the file.
    /// </summary>
    public Dictionary<string, StagedFragmentDigest> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Guards <see cref="Sources"/>: staging calls interleave and digest off the grain's thread. One lock per set, so two
    /// fragments' digests can fill the two sets at once.
    /// </summary>
    public Lock SourcesLock { get; } = new();

    /// <summary>Guards <see cref="Targets"/>, like <see cref="SourcesLock"/>.</summary>
    public Lock TargetsLock { get; } = new();

    /// <summary>The distinct <c>src</c> of every staged edge row (what the cross-table checks need of an edge write).</summary>
    public DistinctKeyCollector Sources { get; } = new();

    /// <summary>The distinct <c>dst</c> of every staged edge row.</summary>
    public DistinctKeyCollector Targets { get; } = new();

    /// <summary>
    /// Keeps a fresh digest (on the grain's turn): without its hashes while every fragment staged so far had ascending
    /// ids and this one's range overlaps none of theirs (the ids an intake mints); with them from the first fragment
    /// that breaks that on (hashed here from <paramref name="rows"/>, the fragment's rows, when the digest has none). A
    /// write whose fragments lost their hashes and turn out to need them (a later fragment broke the rule) reads those
    /// back at prepare.
    /// </summary>
    public void Keep(StagedFragmentDigest digest, FragmentData rows)
    {
        if (!_rangesBroken && digest.IdsAscend && digest.Fragment.Rows > 0)
        {
            // The nearest ranges below and above the new one must end before it starts and start after it ends.
            var starts = _ranges.Keys;
            var index = BinarySearch(starts, digest.FirstId);
            var clearBelow = index == 0 || _ranges.Values[index - 1].AsSpan().SequenceCompareTo(digest.FirstId) < 0;
            var clearAbove = index == starts.Count || starts[index].AsSpan().SequenceCompareTo(digest.LastId) > 0;
            if (clearBelow && clearAbove)
            {
                _ranges.Add(digest.FirstId, digest.LastId);
                Fragments[digest.Fragment.Key] = digest.WithoutHashes();
                return;
            }
        }

        _rangesBroken = true;
        Fragments[digest.Fragment.Key] = digest.WithHashes(rows);
    }

    /// <summary>The first index whose start is not below <paramref name="key"/>.</summary>
    private static int BinarySearch(IList<byte[]> starts, byte[] key)
    {
        var (low, high) = (0, starts.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (starts[middle].AsSpan().SequenceCompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private readonly SortedList<byte[], byte[]> _ranges = new(StagedFragmentDigest.ByteOrder.Instance);
    private bool _rangesBroken;

    /// <summary>The version prepared for the write, once <c>PrepareVersionAsync</c> ran.</summary>
    public TableVersionView? Prepared { get; set; }
}
