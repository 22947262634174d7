using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>
/// <c>@unique(c, …)</c>: no two rows share the same tuple of values; rows with a null member are exempt.
/// On edges, <c>src</c> and <c>dst</c> are allowed columns.
/// </summary>
public sealed class UniqueConstraint : SchemaConstraint
{
    internal UniqueConstraint(ImmutableArray<string> columns, ConstraintOrigin origin, string? interfaceName)
        : base(origin, interfaceName)
    {
        Columns = columns;
    }

    /// <inheritdoc />
    public override ConstraintKind Kind => ConstraintKind.Unique;

    /// <summary>Constrained columns as written.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>How messages name the tuple: <c>email</c> or <c>(source, external_id)</c>.</summary>
    public string ColumnDisplay => Columns.Length == 1 ? Columns[0] : $"({string.Join(", ", Columns)})";

    /// <inheritdoc />
    public override string ToSourceText() => $"@unique({string.Join(", ", Columns)})";
}
