using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary><c>$v.prop</c>: a property of a node or edge variable (never a Blob when read).</summary>
public sealed class PropertyExpression : QueryExpression
{
    internal PropertyExpression(PatternVariable variable, Property property, SourcePosition position)
        : base(property.Type, position)
    {
        Variable = variable;
        Property = property;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Property;

    /// <summary>The variable.</summary>
    public PatternVariable Variable { get; }

    /// <summary>The property of the variable's type.</summary>
    public Property Property { get; }

    /// <summary>The default result column name: <c>v.prop</c>.</summary>
    public string ColumnName => $"{Variable.Name}.{Property.Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Variable.DisplayName}.{Property.Name}";
}
