using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>One token with its source position.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, SourcePosition Position)
{
    private const int MaxQuotedLength = 40;

    public bool Is(QueryTokenKind kind) => Kind == kind;

    /// <summary><c>true</c> for the identifier <paramref name="word"/> (contextual keywords).</summary>
    public bool IsWord(string word) => Kind == QueryTokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);

    /// <summary>How error messages name the token: <c>'x'</c>, <c>string "…"</c>, <c>end of input</c>.</summary>
    public string Describe() => Kind switch
    {
        QueryTokenKind.EndOfInput => "end of input",
        QueryTokenKind.String => $"string \"{Shorten(Text)}\"",
        QueryTokenKind.Variable => $"'${Text}'",
        QueryTokenKind.Annotation => $"'@{Text}'",
        QueryTokenKind.Unknown => char.IsControl(Text[0]) || char.IsWhiteSpace(Text[0])
            ? $"character U+{(int)Text[0]:X4}"
            : $"character '{Text}'",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");
}
