using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Search;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Search;

/// <summary>
/// The search indexes a table grain holds warm (docs/search.md §3). They are derived state: built from the fragments
/// of the exact version a query pins, kept beside that in-memory version and forgotten with it, never written, so a
/// crash or a reload can only lose them, never leave a query on a stale one. The next version of the chain reuses
/// what it shares with the previous one: each fragment's text index (an append indexes only the new fragment, a
/// deletion indexes nothing) and the previous HNSW graph, which is extended with the appended rows in the background.
/// </summary>
/// <remarks>Touched on the owning grain's turns only; graph builds run on the thread pool and publish themselves.</remarks>
internal sealed class SearchIndexCache(VectorSearchOptions vectorOptions)
{
    private readonly ConditionalWeakTable<TableVersionView, ViewSearchIndexes> _views = new();
    private readonly ConditionalWeakTable<FragmentData, FragmentTextIndexes> _fragments = new();
    private readonly Dictionary<int, NearestSearch> _latestVectors = [];

    /// <summary>
    /// The row set of each deletion mask (masks are immutable and shared by the versions that did not touch their
    /// fragment): a write's new version builds sets only for the masks it changed, not one bitmap per fragment with
    /// deletions, which grew with the table (16 fragments of 8 KB each per write at 1 M rows).
    /// </summary>
    private readonly ConditionalWeakTable<DeletionMask, RowSet> _deletionSets = new();

    /// <summary>Fragment text indexes built by this grain (tests: a warm search builds none).</summary>
    public long FragmentIndexBuilds { get; private set; }

    /// <summary>Row sets made from deletion masks (tests: a version that changed no mask makes none).</summary>
    public long DeletionSetBuilds { get; private set; }

    /// <summary>Vector tables made by this grain (tests: a warm search makes none).</summary>
    public long VectorTableBuilds { get; private set; }

    /// <summary>The text index of <paramref name="column"/> in <paramref name="view"/>.</summary>
    public TextIndex Text(TableVersionView view, int column)
    {
        var indexes = _views.GetValue(view, static _ => new ViewSearchIndexes());
        if (indexes.Text.TryGetValue(column, out var index))
        {
            return index;
        }

        var analyzer = SearchProperties.AnalyzerOf(view.Layout.PropertyAt(column));
        var fragments = new FragmentTextIndex[view.Fragments.Length];
        for (var f = 0; f < fragments.Length; f++)
        {
            var perFragment = _fragments.GetValue(view.Fragments[f], static _ => new FragmentTextIndexes());
            if (!perFragment.ByColumn.TryGetValue((column, analyzer.Name), out var fragmentIndex))
            {
                fragmentIndex = FragmentTextIndex.Build(view.Fragments[f].Batch.Column(column), analyzer);
                perFragment.ByColumn[(column, analyzer.Name)] = fragmentIndex;
                FragmentIndexBuilds++;
            }

            fragments[f] = fragmentIndex;
        }

        index = TextIndex.Create(analyzer, fragments, Deletions(view));
        indexes.Text[column] = index;
        return index;
    }

    /// <summary>
    /// The vector search of <paramref name="column"/> in <paramref name="view"/>; starts building (or extending) its HNSW
    /// graph in the background when the table is large enough. Until the graph is complete the exact scan answers, or
    /// the previous version's graph plus an exact scan of the appended fragments.
    /// </summary>
    public NearestSearch Vectors(TableVersionView view, int column)
    {
        var indexes = _views.GetValue(view, static _ => new ViewSearchIndexes());
        if (!indexes.Vectors.TryGetValue(column, out var search))
        {
            var property = view.Layout.PropertyAt(column);
            var columns = new Arrow.ArrowColumn[view.Fragments.Length];
            for (var f = 0; f < columns.Length; f++)
            {
                columns[f] = view.Fragments[f].Batch.Column(column);
            }

            var table = VectorTable.Create(property?.Type.VectorDimension ?? 0, SearchProperties.MetricOf(property), columns, Deletions(view));
            VectorTableBuilds++;
            var previous = _latestVectors.TryGetValue(column, out var latest) ? latest.Index : null;
            search = new NearestSearch(table, vectorOptions, previous);
            indexes.Vectors[column] = search;
            _latestVectors[column] = search;
        }

        if (search.WantsIndex && !search.IndexComplete)
        {
            // Published by the search itself when complete; a failed build is retried by the next query.
            _ = search.BuildIndexAsync();
        }

        return search;
    }

    /// <summary>
    /// Keeps the search indexes warm across a write: for every column <paramref name="parent"/> has an index on, the
    /// index of <paramref name="child"/> (the next version of the chain) is made now, indexing only the fragments the
    /// write added and extending the HNSW graph in the background. Best effort: a column that cannot be indexed (a
    /// stored NaN vector) is left to the first query, which reports it; the write never fails for an index.
    /// </summary>
    public void Inherit(TableVersionView parent, TableVersionView child)
    {
        if (!_views.TryGetValue(parent, out var parentIndexes))
        {
            return;
        }

        foreach (var column in parentIndexes.Text.Keys)
        {
            TryWarm(() => Text(child, column));
        }

        foreach (var column in parentIndexes.Vectors.Keys)
        {
            TryWarm(() => Vectors(child, column));
        }
    }

    /// <summary>What this cache holds for <paramref name="view"/> and has built so far (tests and diagnostics).</summary>
    public SearchIndexStatistics Statistics(TableVersionView view)
    {
        var indexes = _views.TryGetValue(view, out var held) ? held : null;
        return new SearchIndexStatistics(
            FragmentIndexBuilds,
            VectorTableBuilds,
            indexes?.Text.Count ?? 0,
            indexes?.Vectors.Count ?? 0,
            indexes?.Vectors.Values.Count(static v => v.IndexComplete) ?? 0);
    }

    private static void TryWarm(Action warm)
    {
        try
        {
            warm();
        }
        catch (OmniGraphException)
        {
            // The first query on the column builds it again and reports the error to its caller.
        }
    }

    private RowSet?[] Deletions(TableVersionView view)
    {
        var deletions = new RowSet?[view.Fragments.Length];
        for (var f = 0; f < deletions.Length; f++)
        {
            var mask = view.Masks[f];
            if (mask.Count > 0)
            {
                // A mask belongs to one fragment; the length check keeps a set from ever being used over another.
                var rows = view.Fragments[f].Rows;
                if (!_deletionSets.TryGetValue(mask, out var set) || set.Length != rows)
                {
                    set = RowSet.FromRows(rows, MemoryMarshal.Cast<uint, int>(mask.ToRows()));
                    _deletionSets.AddOrUpdate(mask, set);
                    DeletionSetBuilds++;
                }

                deletions[f] = set;
            }
        }

        return deletions;
    }
}
