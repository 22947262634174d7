using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

/// <summary>The shape of a written type reference.</summary>
public enum TypeReferenceKind
{
    /// <summary>A base type such as <c>String</c> or <c>I32</c>.</summary>
    Base,

    /// <summary><c>[Base]</c>.</summary>
    List,

    /// <summary><c>Vector(N)</c>.</summary>
    Vector,

    /// <summary><c>enum(a, b, …)</c>.</summary>
    Enum,
}

/// <summary>
/// A type as written. Well-formedness beyond the grammar (Vector dimension range, list of Blob) is a
/// catalog rule, so the dimension is kept as text.
/// </summary>
public sealed class TypeReferenceSyntax
{
    public TypeReferenceSyntax(
        TypeReferenceKind kind,
        SourcePosition position,
        ScalarKind baseType,
        string? vectorDimension,
        ImmutableArray<NameSyntax> enumValues,
        bool isNullable)
    {
        Kind = kind;
        Position = position;
        BaseType = baseType;
        VectorDimension = vectorDimension;
        EnumValues = enumValues.IsDefault ? [] : enumValues;
        IsNullable = isNullable;
    }

    /// <summary>The shape.</summary>
    public TypeReferenceKind Kind { get; }

    /// <summary>Where the type starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The base type (<see cref="TypeReferenceKind.Base"/>) or list element type (<see cref="TypeReferenceKind.List"/>).</summary>
    public ScalarKind BaseType { get; }

    /// <summary>The dimension digits of <c>Vector(N)</c>.</summary>
    public string? VectorDimension { get; }

    /// <summary>Enum values in written order (duplicates are already rejected by the parser).</summary>
    public ImmutableArray<NameSyntax> EnumValues { get; }

    /// <summary><c>true</c> when the type ends with <c>?</c>.</summary>
    public bool IsNullable { get; }
}
