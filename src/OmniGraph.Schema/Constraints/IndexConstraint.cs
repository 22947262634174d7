using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>
/// <c>@index(c, …)</c>: an index intent. Indexes are derived state and never change query results.
/// On edges, <c>src</c> and <c>dst</c> are allowed columns; on a Vector property it asks for a vector index.
/// </summary>
public sealed class IndexConstraint : SchemaConstraint
{
    internal IndexConstraint(ImmutableArray<string> columns, ConstraintOrigin origin, string? interfaceName)
        : base(origin, interfaceName)
    {
        Columns = columns;
    }

    /// <inheritdoc />
    public override ConstraintKind Kind => ConstraintKind.Index;

    /// <summary>Indexed columns as written.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <inheritdoc />
    public override string ToSourceText() => $"@index({string.Join(", ", Columns)})";
}
