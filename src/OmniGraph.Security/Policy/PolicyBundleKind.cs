namespace OmniGraph.Security;

/// <summary>What a bundle may be bound to: one kind per bundle (operations.md §3.3, §6).</summary>
public enum PolicyBundleKind
{
    /// <summary>Per-graph actions; bound to graphs.</summary>
    Graph,

    /// <summary>Only <c>graph_list</c>; bound to the server (<c>[cluster]</c>).</summary>
    Server,
}
