namespace OmniGraph.Engine;

/// <summary>
/// An edge of the written graph image points at a node that does not exist in it: <c>src 'X' not found in Person</c>
/// (a new edge with a missing endpoint, or a node removed while a kept edge still references it). Nothing was written.
/// Code <c>orphan_edge</c> (HTTP 400).
/// </summary>
public sealed class OrphanEdgeException : OmniGraphException
{
    public OrphanEdgeException(string edgeType, string endpoint, string nodeId, string nodeType, string? edgeId)
        : base(EngineErrorCodes.OrphanEdge, $"{endpoint} '{nodeId}' not found in {nodeType}")
    {
        EdgeType = edgeType;
        Endpoint = endpoint;
        NodeId = nodeId;
        NodeType = nodeType;
        EdgeId = edgeId;
    }

    /// <summary>The edge type.</summary>
    public string EdgeType { get; }

    /// <summary><c>src</c> or <c>dst</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The missing node id.</summary>
    public string NodeId { get; }

    /// <summary>The node type it should exist in.</summary>
    public string NodeType { get; }

    /// <summary>The id of a kept edge that references it (when the node was removed), otherwise <c>null</c>.</summary>
    public string? EdgeId { get; }
}
