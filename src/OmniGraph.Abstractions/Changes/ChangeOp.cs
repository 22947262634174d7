namespace OmniGraph.Abstractions;

/// <summary>What happened to an entity between two states of a graph (the wire names are <c>insert</c>, <c>update</c>, <c>delete</c>).</summary>
public enum ChangeOp
{
    /// <summary>The entity exists only on the newer side.</summary>
    Insert,

    /// <summary>The entity exists on both sides with different values.</summary>
    Update,

    /// <summary>The entity exists only on the older side.</summary>
    Delete,
}
