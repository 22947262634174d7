using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>How a traversal follows its edge relative to the written order <c>$left edge $right</c>.</summary>
public enum TraversalDirection : byte
{
    /// <summary><see cref="Traversal.Left"/> is the edge's source (<c>src</c>) and <see cref="Traversal.Right"/> its target.</summary>
    Forward,

    /// <summary>Inferred reverse: <see cref="Traversal.Left"/> is the edge's target (<c>dst</c>) and <see cref="Traversal.Right"/> its source.</summary>
    Reverse,

    /// <summary><c>&lt;edge&gt;</c>: both directions, set semantics (only for edges whose endpoint types are equal).</summary>
    Undirected,
}

/// <summary>
/// <c>$left [$w:] edge [{min,max}] $right</c> with the edge type and direction resolved.
/// </summary>
/// <remarks>
/// <para>
/// Semantics: without <see cref="EdgeVariable"/> the traversal relates each <see cref="Left"/> node to the set of
/// distinct nodes reachable in <see cref="MinHops"/>..<see cref="EffectiveMaxHops"/> hops (per-source BFS with a
/// visited set; the source itself is never re-emitted except through a self-loop edge); parallel edges give one
/// row. With an edge variable (single hop only) there is one row per matching edge.
/// </para>
/// <para>
/// When both endpoints were bound before (<see cref="LeftBoundBefore"/> and <see cref="RightBoundBefore"/>, e.g.
/// a cycle-closing triangle edge), the traversal is a join filter: keep rows where such a path exists.
/// <see cref="Left"/> and <see cref="Right"/> may be the same variable (<c>$a knows $a</c>): only paths back to the
/// start (self-loops for one hop) match.
/// </para>
/// </remarks>
public sealed class Traversal : PatternClause
{
    internal Traversal(
        PatternVariable left,
        PatternVariable right,
        EdgeType edge,
        TraversalDirection direction,
        int minHops,
        int maxHops,
        PatternVariable? edgeVariable,
        bool leftBoundBefore,
        bool rightBoundBefore,
        SourcePosition position)
        : base(position)
    {
        Left = left;
        Right = right;
        Edge = edge;
        Direction = direction;
        MinHops = minHops;
        MaxHops = maxHops;
        EdgeVariable = edgeVariable;
        LeftBoundBefore = leftBoundBefore;
        RightBoundBefore = rightBoundBefore;
    }

    /// <inheritdoc />
    public override PatternClauseKind Kind => PatternClauseKind.Traversal;

    /// <summary>The variable written first.</summary>
    public PatternVariable Left { get; }

    /// <summary>The variable written last.</summary>
    public PatternVariable Right { get; }

    /// <summary>The edge type (matched by exact name, then case-insensitively).</summary>
    public EdgeType Edge { get; }

    /// <summary>The resolved direction.</summary>
    public TraversalDirection Direction { get; }

    /// <summary>The variable on the edge's source (<c>src</c>) side: <see cref="Left"/> unless <see cref="TraversalDirection.Reverse"/>.</summary>
    public PatternVariable SourceSide => Direction == TraversalDirection.Reverse ? Right : Left;

    /// <summary>The variable on the edge's target (<c>dst</c>) side.</summary>
    public PatternVariable TargetSide => Direction == TraversalDirection.Reverse ? Left : Right;

    /// <summary>Smallest hop count (≥ 1; default 1).</summary>
    public int MinHops { get; }

    /// <summary>Largest hop count as written (≥ <see cref="MinHops"/>; default 1).</summary>
    public int MaxHops { get; }

    /// <summary>
    /// The hop limit that can produce rows: <see cref="MaxHops"/> when the edge's endpoint types are equal, else 1
    /// (a second hop would have to leave a node of the wrong type). When it is below <see cref="MinHops"/> the
    /// traversal matches nothing.
    /// </summary>
    public int EffectiveMaxHops => ReferenceEquals(Edge.From, Edge.To) ? MaxHops : Math.Min(MaxHops, 1);

    /// <summary><c>true</c> for anything but the default single hop.</summary>
    public bool IsMultiHop => MinHops != 1 || MaxHops != 1;

    /// <summary>The edge variable of <c>$left $w:edge $right</c>, or <c>null</c>.</summary>
    public PatternVariable? EdgeVariable { get; }

    /// <summary><see cref="Left"/> was bound by an earlier clause (or an enclosing pattern).</summary>
    public bool LeftBoundBefore { get; }

    /// <summary><see cref="Right"/> was bound by an earlier clause (or an enclosing pattern).</summary>
    public bool RightBoundBefore { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Left.DisplayName} {(Direction == TraversalDirection.Undirected ? "<" + Edge.Name + ">" : Edge.Name)}{(IsMultiHop ? $"{{{MinHops},{MaxHops}}}" : string.Empty)} {Right.DisplayName} ({Direction})";
}
