namespace OmniGraph.Schema.Syntax;

/// <summary>Kinds of lexical tokens in <c>.pg</c> source.</summary>
internal enum TokenKind : byte
{
    EndOfInput,

    /// <summary><c>[A-Za-z_][A-Za-z0-9_]*</c>; keywords, type names and identifiers are all words.</summary>
    Word,

    /// <summary><c>@name</c> with the name as text.</summary>
    Annotation,

    /// <summary>A string literal; the token text is the decoded value.</summary>
    String,

    /// <summary><c>-?[0-9]+</c> (the sign is only accepted where the grammar allows it).</summary>
    Integer,

    /// <summary><c>-?[0-9]+.[0-9]+</c>.</summary>
    Float,

    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Colon,
    Comma,
    Arrow,
    DotDot,
    Question,
    Equals,
    Star,

    /// <summary>A character that starts no token; the parser reports it as unexpected.</summary>
    Unknown,
}
