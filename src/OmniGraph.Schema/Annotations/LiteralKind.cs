namespace OmniGraph.Schema;

/// <summary>How an annotation value was written, so it prints back the same way.</summary>
public enum LiteralKind : byte
{
    /// <summary>A quoted string (text is decoded).</summary>
    String,

    /// <summary>A bare identifier.</summary>
    Identifier,

    /// <summary>An unsigned integer.</summary>
    Integer,

    /// <summary>An unsigned decimal <c>d+.d+</c>.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
}
