using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>
/// A node or edge type: a table of the graph. Carries constraints and type-level metadata in addition to
/// properties.
/// </summary>
public abstract class GraphElementType : SchemaType
{
    private string? _tableName;

    private protected GraphElementType(
        string name,
        ulong stableId,
        ImmutableArray<Property> properties,
        ImmutableArray<SchemaConstraint> constraints,
        TypeMetadata metadata)
        : base(name, stableId, properties)
    {
        Constraints = constraints;
        Description = metadata.Description;
        Instruction = metadata.Instruction;
        RenameFrom = metadata.RenameFrom;
        CustomAnnotations = metadata.Custom.IsDefault ? [] : metadata.Custom;

        var unique = ImmutableArray.CreateBuilder<UniqueConstraint>();
        var index = ImmutableArray.CreateBuilder<IndexConstraint>();
        foreach (var constraint in constraints)
        {
            constraint.AttachTo(this);
            if (constraint is UniqueConstraint u)
            {
                unique.Add(u);
            }
            else if (constraint is IndexConstraint i)
            {
                index.Add(i);
            }
        }

        UniqueConstraints = unique.DrainToImmutable();
        IndexConstraints = index.DrainToImmutable();
    }

    /// <summary>Node or edge.</summary>
    public abstract ElementKind Kind { get; }

    /// <summary>The table name used in storage and messages: <c>node:Person</c> or <c>edge:Knows</c>.</summary>
    public string TableName => _tableName ??= Kind == ElementKind.Node ? $"node:{Name}" : $"edge:{Name}";

    /// <summary>
    /// Every constraint in catalog order: those written as property annotations (in property order), then body
    /// constraints (in written order), then those injected from interfaces.
    /// </summary>
    public ImmutableArray<SchemaConstraint> Constraints { get; }

    /// <summary>Tuple uniqueness constraints. On edges a column may be <c>src</c> or <c>dst</c>.</summary>
    public ImmutableArray<UniqueConstraint> UniqueConstraints { get; }

    /// <summary>Index intents (never change query results). On edges a column may be <c>src</c> or <c>dst</c>.</summary>
    public ImmutableArray<IndexConstraint> IndexConstraints { get; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; }

    /// <summary><c>@instruction</c> text, if any.</summary>
    public string? Instruction { get; }

    /// <summary><c>@rename_from</c> value: the name this type had in the previously accepted schema.</summary>
    public string? RenameFrom { get; }

    /// <summary>Type-level annotations without schema semantics, in written order.</summary>
    public ImmutableArray<CustomAnnotation> CustomAnnotations { get; }
}

/// <summary>Type-level annotation facts gathered while building.</summary>
internal readonly record struct TypeMetadata(string? Description, string? Instruction, string? RenameFrom, ImmutableArray<CustomAnnotation> Custom);
