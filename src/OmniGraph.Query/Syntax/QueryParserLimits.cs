namespace OmniGraph.Query.Syntax;

/// <summary>Bounds that keep parsing linear and the stack shallow whatever the input.</summary>
/// <param name="MaxNestingDepth">Deepest nesting of <c>not { … }</c> blocks and function calls.</param>
/// <param name="MaxSourceLength">Longest accepted source text, in UTF-16 code units.</param>
internal readonly record struct QueryParserLimits(int MaxNestingDepth, int MaxSourceLength)
{
    public static QueryParserLimits Default => new(QueryCompilerOptions.DefaultMaxNestingDepth, QueryCompilerOptions.DefaultMaxSourceLength);
}
