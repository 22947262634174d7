namespace OmniGraph.Abstractions;

/// <summary>Which endpoint an edge expansion starts from.</summary>
public enum EdgeDirection
{
    /// <summary>From source nodes along their outgoing edges (probe ids match <c>src</c>; neighbours are <c>dst</c>).</summary>
    Outgoing,

    /// <summary>From target nodes along their incoming edges (probe ids match <c>dst</c>; neighbours are <c>src</c>).</summary>
    Incoming,
}
