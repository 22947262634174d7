namespace OmniGraph.Search;

/// <summary>
/// The total order of a ranking: the score first (<see cref="HigherFirst"/> for BM25, lower first for distances), then
/// the tie-break over rows. The default tie-break is storage order (<see cref="RowLocation"/>); the query layer passes
/// the spec's id order so equal scores order by the bound entity's id, never by hash or discovery order.
/// </summary>
internal sealed class RankOrder : IComparer<ScoredRow>
{
    private readonly IComparer<RowLocation> _tieBreak;

    public RankOrder(bool higherFirst, IComparer<RowLocation>? tieBreak)
    {
        HigherFirst = higherFirst;
        _tieBreak = tieBreak ?? Comparer<RowLocation>.Default;
    }

    public bool HigherFirst { get; }

    /// <summary>Negative when <paramref name="x"/> ranks before <paramref name="y"/>.</summary>
    public int Compare(ScoredRow x, ScoredRow y)
    {
        if (x.Score != y.Score)
        {
            return (x.Score < y.Score) ^ HigherFirst ? -1 : 1;
        }

        return _tieBreak.Compare(x.Row, y.Row);
    }
}
