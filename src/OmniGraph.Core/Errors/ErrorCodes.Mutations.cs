namespace OmniGraph;

/// <summary>The codes of mutations and queries run against a graph (besides the query compiler's <c>query_*</c> codes).</summary>
public static partial class ErrorCodes
{
    /// <summary>A mutation request that cannot run at all (no source, an empty branch name).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidMutationRequest = "invalid_mutation_request";

    /// <summary>An update that matches rows assigns a <c>@key</c> property (keys are immutable).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string KeyUpdateRejected = "key_update_rejected";

    /// <summary>An insert, a load or <c>omnigraph embed</c> needs an <c>@embed</c> vector computed (or a <c>nearest</c> query its text embedded), and embedding generation is not available.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string EmbeddingUnavailable = "embedding_unavailable";

    /// <summary>The read target is malformed (a branch and a snapshot at once, or a snapshot that is no commit id or version).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string QueryInvalidTarget = "query_invalid_target";
}
