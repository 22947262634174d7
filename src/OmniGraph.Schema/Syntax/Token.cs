using System.Text;

namespace OmniGraph.Schema.Syntax;

/// <summary>One lexical token: its kind, its text (decoded for strings) and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;

    /// <summary>Renders the token for the "found …" half of a parse error.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfInput => "end of input",
        TokenKind.Word => $"'{Text}'",
        TokenKind.Annotation => $"'@{Text}'",
        TokenKind.String => $"string \"{Abbreviate(Text)}\"",
        TokenKind.Integer or TokenKind.Float => $"number {Abbreviate(Text)}",
        TokenKind.Unknown => DescribeCharacter(Text),
        _ => $"'{Text}'",
    };

    private static string DescribeCharacter(string text)
    {
        var rune = text.Length > 0 && Rune.TryGetRuneAt(text, 0, out var r) ? r : new Rune('?');
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? $"character U+{rune.Value:X4}"
            : $"character '{text}'";
    }

    private static string Abbreviate(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 29), "...");
}
