namespace OmniGraph.Query.Lint;

/// <summary>Stable finding codes of <see cref="QueryLinter"/> besides the type rules (<c>T1</c>…<c>T24</c>) and the function error codes (<c>query_function_*</c>).</summary>
public static class LintCodes
{
    /// <summary>The query file does not parse (a single finding for the whole file).</summary>
    public const string ParseFailure = "Q000";

    /// <summary>A mutation mixes inserts/updates with deletes (rule D2).</summary>
    public const string MixedMutation = "D2";

    /// <summary>A mutation takes no parameters: hardcoded mutations are easy to miss.</summary>
    public const string HardcodedMutation = "L101";

    /// <summary>A nullable, non-key, non-<c>@embed</c> property of a node type that some update writes is never set by any update.</summary>
    public const string PropertyNeverUpdated = "L201";
}
