namespace OmniGraph.Abstractions;

/// <summary>Which way <see cref="ITableBranchGrain.TraverseAsync"/> follows edges from a node.</summary>
public enum ExpansionDirection : byte
{
    /// <summary>Along outgoing edges (the node is <c>src</c>, the neighbour <c>dst</c>).</summary>
    Outgoing,

    /// <summary>Along incoming edges (the node is <c>dst</c>, the neighbour <c>src</c>).</summary>
    Incoming,

    /// <summary>Both ways, as an undirected edge (a self-loop edge counts once).</summary>
    Both,
}
