using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>How a <c>@default(…)</c> value was written.</summary>
public enum DefaultValueKind : byte
{
    /// <summary>A quoted string (text is decoded): String, enum, Date and DateTime values.</summary>
    String,

    /// <summary>An integer, optionally signed.</summary>
    Integer,

    /// <summary>A decimal <c>d+.d+</c>, optionally signed.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A bare identifier: an enum value.</summary>
    Identifier,

    /// <summary><c>[v, …]</c>: the value of a list property (items are never lists).</summary>
    List,
}

/// <summary>
/// The value of <c>@default(literal)</c> as written: a literal (signed numbers allowed, unlike other annotation values)
/// or a list of literals. Its type is checked against the property when the catalog is built.
/// </summary>
public sealed record DefaultValueSyntax(DefaultValueKind Kind, string Text, ImmutableArray<DefaultValueSyntax> Items, SourcePosition Position);
