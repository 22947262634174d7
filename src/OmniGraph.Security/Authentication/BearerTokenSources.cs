namespace OmniGraph.Security;

/// <summary>
/// The raw token settings of the server's environment (operations.md §3.1, §5.1), as read, before any parsing. An unset
/// or empty variable is <c>null</c>.
/// </summary>
/// <param name="SingleToken"><c>OMNIGRAPH_SERVER_BEARER_TOKEN</c>: one token for the actor <c>default</c>.</param>
/// <param name="TokensFile"><c>OMNIGRAPH_SERVER_BEARER_TOKENS_FILE</c>: a path to a JSON object <c>{"actor":"token"}</c>.</param>
/// <param name="TokensJson"><c>OMNIGRAPH_SERVER_BEARER_TOKENS_JSON</c>: the same object inline; ignored when a file is set.</param>
/// <param name="AwsSecret"><c>OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET</c>: a Secrets Manager id, which this build cannot read.</param>
public sealed record BearerTokenSources(string? SingleToken, string? TokensFile, string? TokensJson, string? AwsSecret = null)
{
    /// <summary>The single-token variable.</summary>
    public const string SingleTokenVariable = "OMNIGRAPH_SERVER_BEARER_TOKEN";

    /// <summary>The token-file variable.</summary>
    public const string TokensFileVariable = "OMNIGRAPH_SERVER_BEARER_TOKENS_FILE";

    /// <summary>The inline-JSON variable.</summary>
    public const string TokensJsonVariable = "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON";

    /// <summary>The AWS Secrets Manager variable (refused by this build).</summary>
    public const string AwsSecretVariable = "OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET";

    /// <summary>The actor of <see cref="SingleToken"/>.</summary>
    public const string SingleTokenActor = "default";

    /// <summary>No token configured anywhere.</summary>
    public static BearerTokenSources None { get; } = new(null, null, null);

    /// <summary>Reads the four variables through <paramref name="getVariable"/> (for example <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    public static BearerTokenSources FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new(
            NullIfEmpty(getVariable(SingleTokenVariable)),
            NullIfEmpty(getVariable(TokensFileVariable)),
            NullIfEmpty(getVariable(TokensJsonVariable)),
            NullIfEmpty(getVariable(AwsSecretVariable)));
    }

    /// <summary>Whether no source is set (so <see cref="BearerTokenLoader.Load"/> yields no token).</summary>
    public bool IsEmpty => SingleToken is null && TokensFile is null && TokensJson is null && AwsSecret is null;

    /// <summary>The values are never printed: a record's generated text would show the token.</summary>
    public override string ToString() =>
        $"{nameof(BearerTokenSources)} {{ single: {(SingleToken is null ? "unset" : "set")}, file: {TokensFile ?? "unset"}, json: {(TokensJson is null ? "unset" : "set")}, aws: {(AwsSecret is null ? "unset" : "set")} }}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
