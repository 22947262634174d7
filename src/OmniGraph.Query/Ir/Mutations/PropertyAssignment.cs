using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>prop: value</c> in an insert or update. <see cref="Value"/> is a <see cref="LiteralExpression"/> (already of
/// the property's kind), a <see cref="ParameterExpression"/> (its declared type widens losslessly to the
/// property's; a String parameter may feed an enum, checked against the set at execution, or a Blob, as a
/// <c>base64:</c> payload or a URI) or a <see cref="FunctionCallExpression"/> of constants (<c>now()</c>).
/// </summary>
public sealed class PropertyAssignment
{
    internal PropertyAssignment(Property property, QueryExpression value, bool isKeyMember, SourcePosition position)
    {
        Property = property;
        Value = value;
        IsKeyMember = isKeyMember;
        Position = position;
    }

    /// <summary>The assigned property.</summary>
    public Property Property { get; }

    /// <summary>The value.</summary>
    public QueryExpression Value { get; }

    /// <summary>
    /// <c>true</c> when the property is a member of its node type's <c>@key</c>. Keys are immutable: an update
    /// that assigns one fails at execution with <c>cannot update @key property 'name' — delete and re-insert
    /// instead</c> (a runtime rule, so a no-match update still succeeds).
    /// </summary>
    public bool IsKeyMember { get; }

    /// <summary>Where the assignment is written.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Property.Name}: {Value}";
}
