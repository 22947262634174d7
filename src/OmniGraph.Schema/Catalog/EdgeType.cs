using System.Collections.Immutable;

namespace OmniGraph.Schema;

/// <summary>An edge type: table <c>edge:Name</c> with <c>id</c>, <c>src</c>, <c>dst</c> plus its properties.</summary>
public sealed class EdgeType : GraphElementType
{
    internal EdgeType(
        string name,
        ulong stableId,
        NodeType from,
        NodeType to,
        EdgeCardinality cardinality,
        ImmutableArray<Property> properties,
        ImmutableArray<SchemaConstraint> constraints,
        TypeMetadata metadata)
        : base(name, stableId, properties, constraints, metadata)
    {
        From = from;
        To = to;
        Cardinality = cardinality;
    }

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Edge;

    /// <inheritdoc />
    public override string DisplayName => $"edge {Name}";

    /// <summary>The source endpoint type (<c>src</c> holds its node ids).</summary>
    public NodeType From { get; }

    /// <summary>The target endpoint type (<c>dst</c> holds its node ids).</summary>
    public NodeType To { get; }

    /// <summary>Allowed outgoing edges of this type per source node; <see cref="EdgeCardinality.Default"/> when not declared.</summary>
    public EdgeCardinality Cardinality { get; }
}
