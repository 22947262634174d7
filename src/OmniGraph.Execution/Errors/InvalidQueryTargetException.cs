namespace OmniGraph.Execution;

/// <summary>A read names both a branch and a snapshot, or a snapshot that is neither a commit id nor a manifest version. Code <c>query_invalid_target</c>.</summary>
public sealed class InvalidQueryTargetException : OmniGraphException
{
    public InvalidQueryTargetException(string message)
        : base(QueryExecutionErrorCodes.InvalidTarget, message)
    {
    }
}
