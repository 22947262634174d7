namespace OmniGraph.Engine;

/// <summary>
/// The stable error codes of mutation execution (besides the query compiler's <c>query_*</c> codes and the engine's
/// write codes such as <c>unique_violation</c> or <c>read_set_conflict</c>). Part of the public contract: never renamed.
/// </summary>
public static class MutationErrorCodes
{
    /// <summary>A mutation request that cannot run at all (no source, an empty branch name). HTTP 400.</summary>
    public const string InvalidRequest = "invalid_mutation_request";

    /// <summary>A value breaks a schema rule when it is written: required, <c>enum</c>, <c>@range</c>, <c>@check</c>, vector dimensions. HTTP 400.</summary>
    public const string ConstraintViolation = "constraint_violation";

    /// <summary>A value that is not well formed for its property (invalid base64 Blob data, an out-of-range number). HTTP 400.</summary>
    public const string InvalidData = "invalid_data";

    /// <summary>A well-formed value the policy does not allow: an external Blob reference. HTTP 400.</summary>
    public const string PolicyDenied = "policy_denied";

    /// <summary>An update that matches rows assigns a <c>@key</c> property (keys are immutable). HTTP 400.</summary>
    public const string KeyUpdateRejected = "key_update_rejected";

    /// <summary>An insert needs an <c>@embed</c> vector computed, and embedding generation is not available. HTTP 400.</summary>
    public const string EmbeddingUnavailable = "embedding_unavailable";
}
