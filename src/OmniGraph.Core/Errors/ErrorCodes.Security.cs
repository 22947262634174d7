namespace OmniGraph;

/// <summary>
/// The codes of the security pieces (tokens, runtime states, policy, audit; OmniGraph.Security), documented in
/// docs/security.md and docs/errors.md. Shipped codes: never renamed.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>A bearer-token file could not be read. The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthTokensUnreadable = "auth_tokens_unreadable";

    /// <summary>A bearer-token source is not a JSON object of actor → token strings. The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthTokensMalformed = "auth_tokens_malformed";

    /// <summary>An actor or a token is blank (after trimming). The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthTokenBlank = "auth_token_blank";

    /// <summary>Two tokens name the same actor. The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthDuplicateActor = "auth_duplicate_actor";

    /// <summary>Two actors share one token value. The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthDuplicateToken = "auth_duplicate_token";

    /// <summary>A token source this build cannot read (the AWS Secrets Manager source). The server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthSourceUnsupported = "auth_source_unsupported";

    /// <summary>No bearer token, no policy and no unauthenticated mode: the server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthNoCredentials = "auth_no_credentials";

    /// <summary>A policy is bound but no bearer token is configured (every request would be 401): the server refuses to start.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuthPolicyWithoutTokens = "auth_policy_without_tokens";

    /// <summary>An action was denied (Cedar, default-deny, open mode's server scope, or no actor under a policy). HTTP 403.</summary>
    [ErrorCode(ErrorKind.Forbidden)]
    public const string Forbidden = "forbidden";

    /// <summary>A policy or policy-test file is not well-formed YAML, or uses YAML the strict reader refuses (anchors, tags, several documents).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicySyntaxError = "policy_syntax_error";

    /// <summary>A field the format does not define.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyUnknownField = "policy_unknown_field";

    /// <summary>A field given twice in one mapping.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyDuplicateField = "policy_duplicate_field";

    /// <summary>A required field is missing.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyMissingField = "policy_missing_field";

    /// <summary>A field has the wrong kind of value (a list where a name is expected), a blank or repeated name, or an empty list.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyInvalidValue = "policy_invalid_value";

    /// <summary><c>version</c> is not 1.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyUnsupportedVersion = "policy_unsupported_version";

    /// <summary>A rule names a group the bundle does not declare.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyUnknownGroup = "policy_unknown_group";

    /// <summary>Two rules (or two test cases) share an id.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyDuplicateId = "policy_duplicate_id";

    /// <summary>An action name that is not one of the policy actions.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyUnknownAction = "policy_unknown_action";

    /// <summary>A scope value other than any/protected/unprotected, both scopes on one rule, or a scope its actions do not take.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyInvalidScope = "policy_invalid_scope";

    /// <summary><c>graph_list</c> (server-scoped) mixed with per-graph actions in one rule or one bundle.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyMixedKinds = "policy_mixed_kinds";

    /// <summary>A server bundle bound to a graph, or a graph bundle bound to the server.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyBindingMismatch = "policy_binding_mismatch";

    /// <summary>An audit entry, claim or tail record is unreadable or does not describe what its key says.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string AuditEntryCorrupt = "audit_entry_corrupt";

    /// <summary>An audit object has a format number this build does not read.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string AuditUnsupportedFormat = "audit_unsupported_format";

    /// <summary>An append lost its compare-and-swap more times than its budget allows (nothing was written).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string AuditAppendContended = "audit_append_contended";

    /// <summary>An audit record to append is not valid (blank action or graph, an unknown action).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string AuditInvalidRecord = "audit_invalid_record";
}
