namespace OmniGraph.Query.Syntax;

/// <summary>Lexical categories of <c>.gq</c> text. Keywords are contextual identifiers, decided by the parser.</summary>
internal enum QueryTokenKind : byte
{
    EndOfInput,

    /// <summary><c>[a-z_][A-Za-z0-9_]*</c>: names of queries, properties, edges, aliases, and contextual keywords.</summary>
    Identifier,

    /// <summary><c>[A-Z][A-Za-z0-9_]*</c>: node, edge and scalar type names.</summary>
    TypeName,

    /// <summary><c>$name</c>; the token text is the name without <c>$</c>.</summary>
    Variable,

    /// <summary>A string literal; the token text is the decoded value.</summary>
    String,

    /// <summary><c>[0-9]+</c></summary>
    Integer,

    /// <summary><c>[0-9]+.[0-9]+</c></summary>
    Float,

    /// <summary><c>@name</c>; the token text is the name without <c>@</c>.</summary>
    Annotation,

    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Colon,
    Comma,
    Dot,
    Question,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>Any other character; the parser reports it where it expected something else.</summary>
    Unknown,
}
