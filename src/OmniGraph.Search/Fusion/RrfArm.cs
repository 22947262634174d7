namespace OmniGraph.Search;

/// <summary>Which search an arm of <c>rrf</c> is, since the spec keeps a different share of each.</summary>
public enum RrfArm
{
    /// <summary>A <c>nearest(...)</c> arm: only its top-<c>limit</c> entities take part.</summary>
    Nearest = 0,

    /// <summary>A <c>bm25(...)</c> arm: every matching entity takes part.</summary>
    Bm25 = 1,
}
