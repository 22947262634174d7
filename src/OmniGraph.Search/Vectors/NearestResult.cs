namespace OmniGraph.Search;

/// <summary>How a <c>nearest</c> search was answered.</summary>
public enum NearestStrategy
{
    /// <summary>An exact scan of the candidates (small table, index not built yet, or a narrow filter).</summary>
    Exact = 0,

    /// <summary>The approximate index.</summary>
    Approximate = 1,

    /// <summary>The approximate index found fewer rows than asked although enough candidates exist, so the exact scan answered.</summary>
    ApproximateThenExact = 2,

    /// <summary>The index covers the version's first fragments only (appended since it was built): the graph answered for those, an exact scan for the rest, and the two merged.</summary>
    ApproximateAndExactTail = 3,
}

/// <summary>The rows of a <c>nearest</c> search, nearest first, and how they were found.</summary>
public sealed record NearestResult(IReadOnlyList<ScoredRow> Rows, NearestStrategy Strategy);
