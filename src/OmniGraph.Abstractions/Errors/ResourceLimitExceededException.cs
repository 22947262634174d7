namespace OmniGraph.Engine;

/// <summary>
/// A size limit was exceeded before any effect: <c>resource limit exceeded for &lt;resource&gt;: actual N, limit L</c>.
/// Code <c>resource_limit</c> (HTTP 413).
/// </summary>
public sealed class ResourceLimitExceededException : OmniGraphException
{
    public ResourceLimitExceededException(string resource, long limit, long actual)
        : base(EngineErrorCodes.ResourceLimit, $"resource limit exceeded for {resource}: actual {actual}, limit {limit}")
    {
        Resource = resource;
        Limit = limit;
        Actual = actual;
    }

    /// <summary>What was limited.</summary>
    public string Resource { get; }

    /// <summary>The limit.</summary>
    public long Limit { get; }

    /// <summary>The size seen.</summary>
    public long Actual { get; }
}
