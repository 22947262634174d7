namespace OmniGraph.Search;

/// <summary>
/// <c>nearest</c> over one vector property at one table version: an exact SIMD scan while the table is small or no
/// approximate index covers it, the HNSW index once one does. A version made by appending fragments starts with the
/// previous version's index (partial coverage: the graph answers for the fragments it holds, an exact scan for the
/// appended ones, and the two top-k lists merge) and extends it in the background; a version with many rows deleted
/// since the graph was built rebuilds it. Match filters narrow the candidates before the search (prefiltering): a
/// narrow filter is scanned exactly, a wide one walks the graph skipping non-candidates with a widened candidate
/// list, and a graph search that comes back short falls back to the exact scan, so a top-k of the candidates is never
/// cut short.
/// </summary>
public sealed class NearestSearch
{
    private readonly object _gate = new();
    private Task<HnswIndex>? _build;
    private HnswIndex? _index;

    /// <param name="table">The vectors of this version.</param>
    /// <param name="options">Thresholds and graph parameters.</param>
    /// <param name="previous">The index of an earlier version (the table grain's previous one): used at once when this
    /// version only appended fragments to that index's table (<see cref="HnswIndex.Extend"/>), ignored otherwise.</param>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>.</exception>
    public NearestSearch(VectorTable table, VectorSearchOptions? options = null, HnswIndex? previous = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new VectorSearchOptions();
        options.Validate();
        Table = table;
        Options = options;
        if (previous is not null && table.ExtendsVersion(previous.Table))
        {
            _index = previous;
        }
    }

    /// <summary>The vectors searched.</summary>
    public VectorTable Table { get; }

    /// <summary>The strategy thresholds and graph parameters.</summary>
    public VectorSearchOptions Options { get; }

    /// <summary>Whether the table is large enough for the approximate index to be worth building.</summary>
    public bool WantsIndex => Table.SearchableRows > Options.ExactThreshold;

    /// <summary>The approximate index in use (it may cover only the first fragments, see <see cref="IndexComplete"/>), or null.</summary>
    public HnswIndex? Index => Volatile.Read(ref _index);

    /// <summary>Whether the index in use covers every fragment of this version.</summary>
    public bool IndexComplete => Index is { } index && ReferenceEquals(index.Table, Table);

    /// <summary>
    /// Starts building the approximate index on the thread pool (once; later calls return the same task) and publishes it
    /// when complete: by extending the previous version's index with the appended fragments when there is one and rows
    /// deleted since are at most <see cref="VectorSearchOptions.MaxDeadShare"/> of its nodes, from scratch otherwise.
    /// Completes at once when <see cref="WantsIndex"/> is false or the index is complete.
    /// </summary>
    public Task BuildIndexAsync(CancellationToken cancellationToken = default)
    {
        if (!WantsIndex || IndexComplete)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_build is null || _build.IsCanceled || _build.IsFaulted)
            {
                var previous = Index;
                _build = Task.Run(
                    () =>
                    {
                        var index = previous is not null && previous.DeadNodesIn(Table) <= Options.MaxDeadShare * previous.NodeCount
                            ? previous.Extend(Table, cancellationToken)
                            : HnswIndex.Build(Table, Options.Hnsw, cancellationToken);
                        Volatile.Write(ref _index, index);
                        return index;
                    },
                    cancellationToken);
            }

            return _build;
        }
    }

    /// <summary>
    /// The <paramref name="limit"/> candidate rows nearest to <paramref name="query"/>, nearest first; equal distances are
    /// ordered by <paramref name="tieBreak"/> (storage order by default).
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.LimitInvalid"/>, <see cref="SearchErrorCodes.DimensionMismatch"/>,
    /// <see cref="SearchErrorCodes.VectorNotFinite"/>, <see cref="SearchErrorCodes.VectorZero"/>, <see cref="SearchErrorCodes.ShapeMismatch"/>.</exception>
    public NearestResult Nearest(ReadOnlySpan<float> query, int limit, RowFilter? filter = null, IComparer<RowLocation>? tieBreak = null)
    {
        SearchThrow.IfLimitInvalid(limit);
        var inverseNorm = Table.Prepare(query);
        filter?.CheckShape(Table.FragmentRows);
        var index = Index;
        if (index is null || !WantsIndex)
        {
            return new NearestResult(Table.ExactNearest(query, limit, filter, tieBreak), NearestStrategy.Exact);
        }

        // The graph answers for the fragments it covers; candidates are told to it whenever some of its nodes must not
        // come back (a filter, or rows deleted since it was built).
        var covered = index.Table.FragmentCount;
        var coveredRows = Table.SearchableRowsIn(covered);
        var ef = Math.Max(Options.Hnsw.EfSearch, limit);
        ulong[]? candidates = null;
        var candidateCount = coveredRows;
        if (filter is not null || !ReferenceEquals(index.Table, Table) || index.DeadNodes > 0)
        {
            candidates = Table.CandidateNodes(filter, covered, out candidateCount);
        }

        if (filter is not null)
        {
            var share = coveredRows == 0 ? 0 : (double)candidateCount / coveredRows;
            if (candidateCount <= Options.ExactThreshold || share < Options.FilteredExactShare)
            {
                return new NearestResult(Table.ExactNearest(query, limit, filter, tieBreak), NearestStrategy.Exact);
            }

            ef = (int)Math.Min(Options.MaxFilteredEf, Math.Ceiling(ef / share));
            ef = Math.Max(ef, limit);
        }

        var top = new TopRows(new RankOrder(higherFirst: false, tieBreak), limit);
        var found = index.Search(query, inverseNorm, ef, candidates);
        foreach (var (node, distance) in found)
        {
            top.Offer(Table.Locate(node), distance);
        }

        if (found.Count < Math.Min(limit, candidateCount))
        {
            return new NearestResult(Table.ExactNearest(query, limit, filter, tieBreak), NearestStrategy.ApproximateThenExact);
        }

        var partial = covered < Table.FragmentCount;
        if (partial)
        {
            Table.OfferExact(query, inverseNorm, filter, covered, top);
        }

        return new NearestResult(top.ToRanked(), partial ? NearestStrategy.ApproximateAndExactTail : NearestStrategy.Approximate);
    }
}
