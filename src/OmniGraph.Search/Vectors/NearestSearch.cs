namespace OmniGraph.Search;

/// <summary>
/// <c>nearest</c> over one vector property at one table version: an exact SIMD scan while the table is small or its
/// approximate index is not complete, the HNSW index once it is (built in the background, published only when whole).
/// Match filters narrow the candidates before the search (prefiltering): a narrow filter is scanned exactly, a wide one
/// walks the graph skipping non-candidates with a widened candidate list, and a graph search that comes back short
/// falls back to the exact scan, so a top-k of the candidates is never cut short.
/// </summary>
public sealed class NearestSearch
{
    private readonly object _gate = new();
    private Task<HnswIndex>? _build;
    private HnswIndex? _index;

    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.OptionsInvalid"/>.</exception>
    public NearestSearch(VectorTable table, VectorSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new VectorSearchOptions();
        options.Validate();
        Table = table;
        Options = options;
    }

    /// <summary>The vectors searched.</summary>
    public VectorTable Table { get; }

    /// <summary>The strategy thresholds and graph parameters.</summary>
    public VectorSearchOptions Options { get; }

    /// <summary>Whether the table is large enough for the approximate index to be worth building.</summary>
    public bool WantsIndex => Table.SearchableRows > Options.ExactThreshold;

    /// <summary>The complete approximate index, or null while none is.</summary>
    public HnswIndex? Index => Volatile.Read(ref _index);

    /// <summary>
    /// Starts building the approximate index on the thread pool (once; later calls return the same task) and publishes it
    /// when complete. Completes at once, without an index, when <see cref="WantsIndex"/> is false.
    /// </summary>
    public Task BuildIndexAsync(CancellationToken cancellationToken = default)
    {
        if (!WantsIndex)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_build is null || _build.IsCanceled || _build.IsFaulted)
            {
                _build = Task.Run(
                    () =>
                    {
                        var index = HnswIndex.Build(Table, Options.Hnsw, cancellationToken);
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

        var ef = Math.Max(Options.Hnsw.EfSearch, limit);
        ulong[]? candidates = null;
        var candidateCount = Table.SearchableRows;
        if (filter is not null)
        {
            candidates = Table.CandidateNodes(filter, out candidateCount);
            var share = (double)candidateCount / Table.SearchableRows;
            if (candidateCount <= Options.ExactThreshold || share < Options.FilteredExactShare)
            {
                return new NearestResult(Table.ExactNearest(query, limit, filter, tieBreak), NearestStrategy.Exact);
            }

            ef = (int)Math.Min(Options.MaxFilteredEf, Math.Ceiling(ef / share));
            ef = Math.Max(ef, limit);
        }

        var order = new RankOrder(higherFirst: false, tieBreak);
        var found = index.Search(query, inverseNorm, ef, candidates);
        var rows = new ScoredRow[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            rows[i] = new ScoredRow(Table.Locate(found[i].Node), found[i].Distance);
        }

        Array.Sort(rows, order);
        if (rows.Length < Math.Min(limit, candidateCount))
        {
            return new NearestResult(Table.ExactNearest(query, limit, filter, tieBreak), NearestStrategy.ApproximateThenExact);
        }

        return new NearestResult(rows.Length > limit ? rows[..limit] : rows, NearestStrategy.Approximate);
    }
}
