using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A declared parameter: <c>$name: Type</c>. The type reuses the schema's <see cref="PropertyType"/> (scalars,
/// <c>[T]</c> lists and <c>Vector(N)</c>; never enums); a trailing <c>?</c> makes the parameter optional.
/// </summary>
public sealed class QueryParameter
{
    internal QueryParameter(string name, PropertyType type, int ordinal, SourcePosition position)
    {
        Name = name;
        Type = type;
        Ordinal = ordinal;
        Position = position;
    }

    /// <summary>The name without <c>$</c>; also the key in the params JSON object and the result column name.</summary>
    public string Name { get; }

    /// <summary>The declared type; nullable when the parameter is optional.</summary>
    public PropertyType Type { get; }

    /// <summary><c>true</c> for <c>T?</c>: the value may be omitted or null (then it is SQL NULL).</summary>
    public bool IsOptional => Type.IsNullable;

    /// <summary>Zero-based position in the declaration; the index of the value in a bound parameter set.</summary>
    public int Ordinal { get; }

    /// <summary>Where the parameter is declared.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"${Name}: {Type.DisplayName}";
}
