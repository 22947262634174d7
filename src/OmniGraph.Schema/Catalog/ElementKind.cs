namespace OmniGraph.Schema;

/// <summary>Whether a graph element type stores nodes or edges.</summary>
public enum ElementKind : byte
{
    Node,
    Edge,
}
