using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Schema;

/// <summary>
/// A validated, immutable schema: node types, edge types and interfaces in declaration order, with stable
/// identities. Built from <c>.pg</c> source (<see cref="Compile"/>), from a parsed document
/// (<see cref="Build"/>) or from IR (<see cref="FromIr"/>); safe to share between threads.
/// </summary>
public sealed partial class SchemaCatalog
{
    private readonly NameLookup<NodeType> _nodes;
    private readonly NameLookup<EdgeType> _edges;
    private readonly NameLookup<InterfaceType> _interfaces;

    internal SchemaCatalog(
        ImmutableArray<InterfaceType> interfaces,
        ImmutableArray<NodeType> nodeTypes,
        ImmutableArray<EdgeType> edgeTypes,
        ulong nextStableId)
    {
        Interfaces = interfaces;
        NodeTypes = nodeTypes;
        EdgeTypes = edgeTypes;
        NextStableId = nextStableId;
        _nodes = new NameLookup<NodeType>(nodeTypes, static t => t.Name);

        // Validation guarantees edge names are distinct after case folding.
        _edges = new NameLookup<EdgeType>(edgeTypes, static t => t.Name, foldCase: true);
        _interfaces = new NameLookup<InterfaceType>(interfaces, static t => t.Name);
        _serialized = new Lazy<SerializedForm>(Serialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Node types in declaration order.</summary>
    public ImmutableArray<NodeType> NodeTypes { get; }

    /// <summary>Edge types in declaration order.</summary>
    public ImmutableArray<EdgeType> EdgeTypes { get; }

    /// <summary>Interfaces in declaration order (kept for printing and identity; queries cannot bind them).</summary>
    public ImmutableArray<InterfaceType> Interfaces { get; }

    /// <summary>The smallest stable id not yet used by this schema or its accepted history.</summary>
    public ulong NextStableId { get; }

    /// <summary>Finds a node type by exact name.</summary>
    public bool TryGetNodeType(string name, [NotNullWhen(true)] out NodeType? nodeType) =>
        _nodes.TryGet(name, out nodeType);

    /// <summary>Finds a node type by exact name without allocating.</summary>
    public bool TryGetNodeType(ReadOnlySpan<char> name, [NotNullWhen(true)] out NodeType? nodeType) =>
        _nodes.TryGet(name, out nodeType);

    /// <summary>Finds a node type by its exact UTF-8 encoded name.</summary>
    public bool TryGetNodeTypeUtf8(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out NodeType? nodeType) =>
        _nodes.TryGetUtf8(utf8Name, out nodeType);

    /// <summary>Returns the node type with the given exact name.</summary>
    /// <exception cref="SchemaException">No such node type (code <c>schema_unknown_type</c>).</exception>
    public NodeType GetNodeType(string name) =>
        TryGetNodeType(name, out var nodeType) ? nodeType : throw UnknownType("node type", name);

    /// <summary>
    /// Finds an edge type by name: an exact match first, then a case-insensitive one (as traversals such as
    /// <c>worksAt</c> and JSONL <c>"edge"</c> fields match).
    /// </summary>
    public bool TryGetEdgeType(string name, [NotNullWhen(true)] out EdgeType? edgeType) =>
        _edges.TryGet(name, out edgeType);

    /// <summary>Span overload of <see cref="TryGetEdgeType(string, out EdgeType?)"/>.</summary>
    public bool TryGetEdgeType(ReadOnlySpan<char> name, [NotNullWhen(true)] out EdgeType? edgeType) =>
        _edges.TryGet(name, out edgeType);

    /// <summary>UTF-8 overload of <see cref="TryGetEdgeType(string, out EdgeType?)"/>.</summary>
    public bool TryGetEdgeTypeUtf8(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out EdgeType? edgeType) =>
        _edges.TryGetUtf8(utf8Name, out edgeType);

    /// <summary>Finds an edge type by exact name only.</summary>
    public bool TryGetEdgeTypeExact(string name, [NotNullWhen(true)] out EdgeType? edgeType) =>
        _edges.TryGetExact(name, out edgeType);

    /// <summary>Returns the edge type with the given name (exact, then case-insensitive).</summary>
    /// <exception cref="SchemaException">No such edge type (code <c>schema_unknown_type</c>).</exception>
    public EdgeType GetEdgeType(string name) =>
        TryGetEdgeType(name, out var edgeType) ? edgeType : throw UnknownType("edge type", name);

    /// <summary>Finds an interface by exact name.</summary>
    public bool TryGetInterface(string name, [NotNullWhen(true)] out InterfaceType? interfaceType) =>
        _interfaces.TryGet(name, out interfaceType);

    /// <summary>Finds a node or edge type by table name (<c>node:Person</c>, <c>edge:Knows</c>; exact names).</summary>
    public bool TryGetElementType(string tableName, [NotNullWhen(true)] out GraphElementType? elementType)
    {
        elementType = null;
        if (tableName.StartsWith("node:", StringComparison.Ordinal) && _nodes.TryGetExact(tableName[5..], out var node))
        {
            elementType = node;
        }
        else if (tableName.StartsWith("edge:", StringComparison.Ordinal) && _edges.TryGetExact(tableName[5..], out var edge))
        {
            elementType = edge;
        }

        return elementType is not null;
    }

    /// <summary>Edge types whose source endpoint is <paramref name="nodeType"/>, in declaration order.</summary>
    public IEnumerable<EdgeType> GetOutgoingEdgeTypes(NodeType nodeType)
    {
        foreach (var edge in EdgeTypes)
        {
            if (ReferenceEquals(edge.From, nodeType))
            {
                yield return edge;
            }
        }
    }

    /// <summary>Edge types whose target endpoint is <paramref name="nodeType"/>, in declaration order.</summary>
    public IEnumerable<EdgeType> GetIncomingEdgeTypes(NodeType nodeType)
    {
        foreach (var edge in EdgeTypes)
        {
            if (ReferenceEquals(edge.To, nodeType))
            {
                yield return edge;
            }
        }
    }

    private static SchemaException UnknownType(string kind, string name) =>
        new(ErrorCodes.SchemaUnknownType, $"unknown {kind} '{name}'", $"unknown {kind} '{name}'");
}
