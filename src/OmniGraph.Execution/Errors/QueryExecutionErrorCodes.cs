namespace OmniGraph.Execution;

/// <summary>Stable error codes of read execution (in addition to the query compiler's <c>query_*</c> codes and the engine's).</summary>
public static class QueryExecutionErrorCodes
{
    /// <summary>The read target is malformed (a branch and a snapshot at once, or a snapshot that is no commit id or version). HTTP 400.</summary>
    public const string InvalidTarget = "query_invalid_target";
}
