using System.Text.Json;

namespace OmniGraph.Schema.Ir;

/// <summary>
/// The identity-bearing, serializable form of a whole schema (stored as <c>_schema.ir.json</c>). Every type,
/// interface and property carries a stable id; <see cref="NextStableId"/> is the high-water mark from which
/// new ids are minted, so an id is never reused even after its owner was dropped.
/// </summary>
/// <remarks>
/// Serialized by <see cref="SchemaIrSerializer"/> with snake_case member names in declaration order; lists
/// keep catalog order and no member is a hash-ordered dictionary, so equal schemas give byte-identical JSON.
/// </remarks>
public sealed class SchemaIr
{
    /// <summary>The IR format version this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Version of this document's format.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The smallest id not yet assigned to anything in this schema's history.</summary>
    public required ulong NextStableId { get; init; }

    /// <summary>Interfaces in declaration order.</summary>
    public required IReadOnlyList<InterfaceIr> Interfaces { get; init; }

    /// <summary>Node types in declaration order.</summary>
    public required IReadOnlyList<NodeTypeIr> NodeTypes { get; init; }

    /// <summary>Edge types in declaration order.</summary>
    public required IReadOnlyList<EdgeTypeIr> EdgeTypes { get; init; }
}

/// <summary>An interface and its property declarations.</summary>
public sealed class InterfaceIr
{
    /// <summary>Stable identity of the interface.</summary>
    public required ulong StableId { get; init; }

    /// <summary>The interface name.</summary>
    public required string Name { get; init; }

    /// <summary>Property declarations in written order.</summary>
    public required IReadOnlyList<PropertyIr> Properties { get; init; }
}

/// <summary>A node type with its properties (own and injected) and constraints in catalog order.</summary>
public sealed class NodeTypeIr
{
    /// <summary>Stable identity of the node type.</summary>
    public required ulong StableId { get; init; }

    /// <summary>The node type name.</summary>
    public required string Name { get; init; }

    /// <summary>Interfaces named in <c>implements</c>, in written order.</summary>
    public required IReadOnlyList<string> Implements { get; init; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; init; }

    /// <summary><c>@instruction</c> text, if any.</summary>
    public string? Instruction { get; init; }

    /// <summary><c>@rename_from</c> value, if any.</summary>
    public string? RenameFrom { get; init; }

    /// <summary>Custom type-level annotations in written order.</summary>
    public required IReadOnlyList<AnnotationIr> Annotations { get; init; }

    /// <summary>Properties in column order: own declarations, then injected interface properties.</summary>
    public required IReadOnlyList<PropertyIr> Properties { get; init; }

    /// <summary>Constraints in catalog order (property annotations, body, interface-injected).</summary>
    public required IReadOnlyList<ConstraintIr> Constraints { get; init; }
}

/// <summary>An edge type with its endpoints, cardinality, properties and constraints.</summary>
public sealed class EdgeTypeIr
{
    /// <summary>Stable identity of the edge type.</summary>
    public required ulong StableId { get; init; }

    /// <summary>The edge type name.</summary>
    public required string Name { get; init; }

    /// <summary>Source endpoint node type name.</summary>
    public required string From { get; init; }

    /// <summary>Target endpoint node type name.</summary>
    public required string To { get; init; }

    /// <summary>Outgoing edges allowed per source node.</summary>
    public required CardinalityIr Cardinality { get; init; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; init; }

    /// <summary><c>@instruction</c> text, if any.</summary>
    public string? Instruction { get; init; }

    /// <summary><c>@rename_from</c> value, if any.</summary>
    public string? RenameFrom { get; init; }

    /// <summary>Custom type-level annotations in written order.</summary>
    public required IReadOnlyList<AnnotationIr> Annotations { get; init; }

    /// <summary>Edge properties in column order.</summary>
    public required IReadOnlyList<PropertyIr> Properties { get; init; }

    /// <summary>Constraints in catalog order.</summary>
    public required IReadOnlyList<ConstraintIr> Constraints { get; init; }
}

/// <summary><c>@card</c> bounds; a missing <see cref="Max"/> means unbounded.</summary>
public sealed class CardinalityIr
{
    /// <summary>Minimum outgoing edges per source node (omitted when 0).</summary>
    public uint Min { get; init; }

    /// <summary>Maximum outgoing edges per source node; omitted when unbounded.</summary>
    public uint? Max { get; init; }
}

/// <summary>
/// A property. <see cref="InheritedFrom"/> names the interface that injected it into a node;
/// <see cref="Key"/>, <see cref="Unique"/> and <see cref="Index"/> record bare property annotations.
/// </summary>
public sealed class PropertyIr
{
    /// <summary>Stable identity of the property (unique across the schema).</summary>
    public required ulong StableId { get; init; }

    /// <summary>The property name.</summary>
    public required string Name { get; init; }

    /// <summary>The property type.</summary>
    public required TypeIr Type { get; init; }

    /// <summary>The interface that injected this node property, if any.</summary>
    public string? InheritedFrom { get; init; }

    /// <summary>Written with a bare <c>@key</c>.</summary>
    public bool Key { get; init; }

    /// <summary>Written with a bare <c>@unique</c>.</summary>
    public bool Unique { get; init; }

    /// <summary>Written with a bare <c>@index</c>.</summary>
    public bool Index { get; init; }

    /// <summary><c>@embed</c> source and model, if any.</summary>
    public EmbedIr? Embed { get; init; }

    /// <summary><c>@default</c>: the value as the JSONL load format writes it (a string, number, boolean or array), if any.</summary>
    public JsonElement? Default { get; init; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; init; }

    /// <summary><c>@rename_from</c> value, if any.</summary>
    public string? RenameFrom { get; init; }

    /// <summary>Custom annotations in written order.</summary>
    public required IReadOnlyList<AnnotationIr> Annotations { get; init; }
}

/// <summary>
/// A property type: <see cref="Kind"/> is <c>scalar</c>, <c>list</c>, <c>vector</c> or <c>enum</c>;
/// <see cref="Scalar"/> names the scalar or list element kind; <see cref="Dimension"/> is set for vectors
/// and <see cref="Values"/> (sorted) for enums.
/// </summary>
public sealed class TypeIr
{
    /// <summary><c>scalar</c>, <c>list</c>, <c>vector</c> or <c>enum</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Scalar or list element kind (<c>String</c>, <c>I32</c>, …); absent for vectors and enums.</summary>
    public string? Scalar { get; init; }

    /// <summary>Vector dimension; absent for other kinds.</summary>
    public int Dimension { get; init; }

    /// <summary>Enum values sorted ordinally; absent for other kinds.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary><c>true</c> for <c>T?</c> (omitted when false).</summary>
    public bool Nullable { get; init; }
}

/// <summary><c>@embed</c> source property and optional model.</summary>
public sealed class EmbedIr
{
    /// <summary>The String property whose text is embedded.</summary>
    public required string Source { get; init; }

    /// <summary>The embedding model, if given.</summary>
    public string? Model { get; init; }
}

/// <summary>
/// A constraint: <see cref="Kind"/> is <c>key</c>, <c>unique</c>, <c>index</c>, <c>range</c> or <c>check</c>;
/// <see cref="Origin"/> is <c>body</c>, <c>property</c> or <c>interface</c>. Key, unique and index use
/// <see cref="Columns"/>; range and check use <see cref="Property"/>, range bounds are canonical number text.
/// </summary>
public sealed class ConstraintIr
{
    /// <summary><c>key</c>, <c>unique</c>, <c>index</c>, <c>range</c> or <c>check</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>body</c>, <c>property</c> or <c>interface</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>The contributing interface when the origin is <c>interface</c>.</summary>
    public string? Interface { get; init; }

    /// <summary>Columns of key, unique and index constraints.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The constrained property of range and check constraints.</summary>
    public string? Property { get; init; }

    /// <summary>Canonical lower bound text of a range, if any.</summary>
    public string? Min { get; init; }

    /// <summary>Canonical upper bound text of a range, if any.</summary>
    public string? Max { get; init; }

    /// <summary>The regular expression of a check constraint.</summary>
    public string? Pattern { get; init; }
}

/// <summary>A custom annotation.</summary>
public sealed class AnnotationIr
{
    /// <summary>The annotation name without <c>@</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The positional value, if any.</summary>
    public LiteralIr? Value { get; init; }

    /// <summary>Keyword arguments in written order.</summary>
    public required IReadOnlyList<AnnotationArgumentIr> Arguments { get; init; }
}

/// <summary>A keyword argument of a custom annotation.</summary>
public sealed class AnnotationArgumentIr
{
    /// <summary>The keyword.</summary>
    public required string Name { get; init; }

    /// <summary>The value.</summary>
    public required LiteralIr Value { get; init; }
}

/// <summary>An annotation value: <see cref="Kind"/> is <c>string</c>, <c>identifier</c>, <c>integer</c>, <c>float</c> or <c>bool</c>.</summary>
public sealed class LiteralIr
{
    /// <summary><c>string</c>, <c>identifier</c>, <c>integer</c>, <c>float</c> or <c>bool</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The text (decoded for strings).</summary>
    public required string Text { get; init; }
}
