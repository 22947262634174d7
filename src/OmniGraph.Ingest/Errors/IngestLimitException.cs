namespace OmniGraph.Ingest;

/// <summary>An input exceeds a size limit, for example a line longer than the per-line limit. Code <c>resource_limit</c> (HTTP 413).</summary>
public sealed class IngestLimitException : IngestException
{
    internal IngestLimitException(long line, string resource, long limit, long actual)
        : base(IngestErrorCodes.ResourceLimit, AtLine(line, Describe(resource, limit, actual)), Describe(resource, limit, actual), line, null, null, null)
    {
        Resource = resource;
        Limit = limit;
        Actual = actual;
    }

    /// <summary>What was limited, for example <c>line bytes</c>.</summary>
    public string Resource { get; }

    /// <summary>The limit.</summary>
    public long Limit { get; }

    /// <summary>The size seen when the limit was exceeded (a lower bound when the input was cut short).</summary>
    public long Actual { get; }

    private static string Describe(string resource, long limit, long actual) =>
        $"{resource} limit exceeded: at least {actual} > {limit}";
}
