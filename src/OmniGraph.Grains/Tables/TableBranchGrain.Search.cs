using System.Runtime.InteropServices;
using OmniGraph.Search;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Search;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Versions;
using SearchRowFilter = OmniGraph.Search.RowFilter;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    private readonly SearchIndexCache _searchIndexes;

    /// <inheritdoc />
    public async Task<SearchIndexStatistics> GetSearchIndexStatisticsAsync(TableVersionRef version, CancellationToken cancellationToken = default) =>
        _searchIndexes.Statistics(await GetViewAsync(version, cancellationToken));

    /// <summary>
    /// A selection with full-text matches or a ranking: the ordinary filters (and ids) narrow the candidates first, then
    /// each text match narrows them through the column's text index, then the ranking orders the survivors (spec
    /// §2.6: filters apply before the search). Rows come back in storage order, or best first for a ranking.
    /// </summary>
    private TableSelection SearchSelect(
        TableVersionView view,
        SelectionShape shape,
        OmniGraph.Tables.Selection.RowFilter filter,
        ImmutableArray<ColumnPredicate> textMatches,
        TableSelectionRequest request,
        CancellationToken cancellationToken)
    {
        SearchRowFilter? candidates = null;
        Dictionary<long, int>? probePositions = null;
        if (request.Keys is { } keys)
        {
            probePositions = [];
            for (var i = 0; i < keys.Count; i++)
            {
                CancellationChecks.Every(i, cancellationToken);
                var address = view.Keys.Find(keys[i]);
                if (address != AddressHashTable.NotFound && filter.Matches(view.Fragments[(int)(address >> 32)], (int)(uint)address))
                {
                    probePositions.TryAdd(address, i);
                }
            }

            candidates = Candidates(view, probePositions.Keys);
        }
        else if (!filter.IsEmpty)
        {
            candidates = Candidates(view, TableSelector.Matching(view, filter, QueryIndexes(view), cancellationToken));
        }

        IReadOnlyList<RowLocation>? matched = null;
        foreach (var match in textMatches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = _searchIndexes.Text(view, ColumnIndex(view, match.Column));
            var query = match.Value.Text ?? string.Empty;
            matched = match.Operator switch
            {
                ColumnPredicateOperator.TextAllTerms => index.Search(query, candidates),
                ColumnPredicateOperator.TextPhrase => index.MatchPhrase(query, candidates),
                _ => index.Fuzzy(query, match.MaxEdits, candidates),
            };
            candidates = Candidates(view, matched);
        }

        List<long> addresses;
        ImmutableArray<double> scores = [];
        ImmutableArray<int> armRanks = [];
        if (request.Ranking is { SeparateArms: true } separate)
        {
            (addresses, armRanks) = RankArmsSeparately(view, separate, candidates);
        }
        else if (request.Ranking is { } ranking)
        {
            var ranked = Rank(view, ranking, candidates);
            addresses = new List<long>(ranked.Count);
            var scoreArray = new double[ranked.Count];
            for (var i = 0; i < ranked.Count; i++)
            {
                addresses.Add(Pack(ranked[i].Row));
                scoreArray[i] = ranked[i].Score;
            }

            scores = ImmutableCollectionsMarshal.AsImmutableArray(scoreArray);
        }
        else
        {
            addresses = matched is null ? Addresses(candidates, view) : [.. matched.Select(Pack)];
        }

        if (request.CountOnly)
        {
            return SelectionAssembler.CountOnly(shape, addresses.Count);
        }

        var positions = new List<int>(probePositions is null ? 0 : addresses.Count);
        if (probePositions is not null)
        {
            foreach (var address in addresses)
            {
                positions.Add(probePositions[address]);
            }
        }

        return SelectionAssembler.FromAddresses(view, shape, addresses, positions, request.IncludeRowAddresses) with { Scores = scores, ArmRanks = armRanks };
    }

    /// <summary>
    /// The two arms of an <c>rrf</c> ranking, unfused (the caller fuses after its traversals): arm 1's rows in arm-1
    /// order, then the rows only arm 2 holds in arm-2 order, and each row's rank in each arm (-1 when absent).
    /// </summary>
    private (List<long> Addresses, ImmutableArray<int> ArmRanks) RankArmsSeparately(TableVersionView view, SearchRanking ranking, SearchRowFilter? candidates)
    {
        if (ranking.Arms.Length != 2 || ranking.Limit is not { } limit)
        {
            throw EngineErrors.InvalidTableRequest(_table, "an rrf ranking has two arms and a limit");
        }

        var tieBreak = new IdOrder(view);
        var first = RankArm(view, ranking.Arms[0], ranking.Arms[0].Kind == SearchArmKind.Nearest ? limit : null, candidates, tieBreak);
        var second = RankArm(view, ranking.Arms[1], ranking.Arms[1].Kind == SearchArmKind.Nearest ? limit : null, candidates, tieBreak);
        var positionOf = new Dictionary<long, int>(first.Count + second.Count);
        var addresses = new List<long>(first.Count + second.Count);
        foreach (var arm in new[] { first, second })
        {
            foreach (var row in arm)
            {
                var address = Pack(row.Row);
                if (positionOf.TryAdd(address, addresses.Count))
                {
                    addresses.Add(address);
                }
            }
        }

        var ranks = new int[2 * addresses.Count];
        ranks.AsSpan().Fill(-1);
        for (var rank = 0; rank < first.Count; rank++)
        {
            ranks[positionOf[Pack(first[rank].Row)]] = rank;
        }

        for (var rank = 0; rank < second.Count; rank++)
        {
            ranks[addresses.Count + positionOf[Pack(second[rank].Row)]] = rank;
        }

        return (addresses, ImmutableCollectionsMarshal.AsImmutableArray(ranks));
    }

    /// <summary>The ranked rows, best first: one arm, or two fused by reciprocal rank fusion over rows (a row is its entity here).</summary>
    private IReadOnlyList<ScoredRow> Rank(TableVersionView view, SearchRanking ranking, SearchRowFilter? candidates)
    {
        var tieBreak = new IdOrder(view);
        if (ranking.Arms.Length == 1)
        {
            return RankArm(view, ranking.Arms[0], ranking.Limit, candidates, tieBreak);
        }

        if (ranking.Arms.Length != 2 || ranking.Limit is not { } limit)
        {
            throw EngineErrors.InvalidTableRequest(_table, "an rrf ranking has two arms and a limit");
        }

        // A nearest arm keeps its first `limit` entities, a bm25 arm all of its matches (spec §2.6).
        var first = RankArm(view, ranking.Arms[0], ranking.Arms[0].Kind == SearchArmKind.Nearest ? limit : null, candidates, tieBreak);
        var second = RankArm(view, ranking.Arms[1], ranking.Arms[1].Kind == SearchArmKind.Nearest ? limit : null, candidates, tieBreak);
        var fused = ReciprocalRankFusion.FuseEntities(
            [.. first.Select(static r => r.Row)],
            ArmOf(ranking.Arms[0]),
            [.. second.Select(static r => r.Row)],
            ArmOf(ranking.Arms[1]),
            limit,
            ranking.FusionK ?? ReciprocalRankFusion.DefaultK);
        return [.. fused.Select(static e => new ScoredRow(e.Entity, e.Score))];
    }

    private IReadOnlyList<ScoredRow> RankArm(TableVersionView view, SearchArm arm, int? limit, SearchRowFilter? candidates, IdOrder tieBreak)
    {
        var column = ColumnIndex(view, arm.Column);
        if (arm.Kind == SearchArmKind.Bm25)
        {
            return _searchIndexes.Text(view, column).Bm25(arm.Text ?? string.Empty, limit, candidates, tieBreak);
        }

        var k = limit ?? throw EngineErrors.InvalidTableRequest(_table, "a nearest ranking needs a limit");
        return _searchIndexes.Vectors(view, column).Nearest(arm.Vector.AsSpan(), k, candidates, tieBreak).Rows;
    }

    private static RrfArm ArmOf(SearchArm arm) => arm.Kind == SearchArmKind.Nearest ? RrfArm.Nearest : RrfArm.Bm25;

    private int ColumnIndex(TableVersionView view, string column)
    {
        var index = view.Layout.Schema.GetFieldIndex(column);
        return index >= 0 ? index : throw EngineErrors.InvalidTableRequest(_table, $"no column '{column}'");
    }

    private static long Pack(RowLocation row) => ((long)row.Fragment << 32) | (uint)row.Row;

    /// <summary>The candidate rows as per-fragment row sets.</summary>
    private static SearchRowFilter Candidates(TableVersionView view, IEnumerable<long> addresses)
    {
        var rows = new List<int>[view.Fragments.Length];
        foreach (var address in addresses)
        {
            (rows[(int)(address >> 32)] ??= []).Add((int)(uint)address);
        }

        return Candidates(view, rows);
    }

    private static SearchRowFilter Candidates(TableVersionView view, List<(int Fragment, int[] Rows, int Count)> parts)
    {
        var rows = new List<int>[view.Fragments.Length];
        foreach (var (fragment, selected, count) in parts)
        {
            (rows[fragment] ??= []).AddRange(selected.AsSpan(0, count));
        }

        return Candidates(view, rows);
    }

    private static SearchRowFilter Candidates(TableVersionView view, IReadOnlyList<RowLocation> located) =>
        Candidates(view, located.Select(Pack));

    private static SearchRowFilter Candidates(TableVersionView view, List<int>?[] rows)
    {
        var sets = new RowSet?[view.Fragments.Length];
        for (var f = 0; f < sets.Length; f++)
        {
            sets[f] = RowSet.FromRows(view.Fragments[f].Rows, rows[f] is { } list ? CollectionsMarshal.AsSpan(list) : []);
        }

        return new SearchRowFilter(sets);
    }

    /// <summary>The live candidate rows in storage order (every live row without candidates).</summary>
    private static List<long> Addresses(SearchRowFilter? candidates, TableVersionView view)
    {
        var addresses = new List<long>();
        for (var f = 0; f < view.Fragments.Length; f++)
        {
            for (var row = 0; row < view.Fragments[f].Rows; row++)
            {
                if (!view.Masks[f].IsDeleted(row) && (candidates?[f] is not { } set || set.Contains(row)))
                {
                    addresses.Add(((long)f << 32) | (uint)row);
                }
            }
        }

        return addresses;
    }

    /// <summary>Equal scores in the order of the rows' ids (the spec's total order: the bound entity's id ascending).</summary>
    private sealed class IdOrder(TableVersionView view) : IComparer<RowLocation>
    {
        public int Compare(RowLocation x, RowLocation y) =>
            view.Fragments[x.Fragment].Ids.GetBytes(x.Row).SequenceCompareTo(view.Fragments[y.Fragment].Ids.GetBytes(y.Row));
    }
}
