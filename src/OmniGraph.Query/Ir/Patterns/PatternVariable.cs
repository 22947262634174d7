using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>Whether a pattern variable ranges over nodes or over edges.</summary>
public enum VariableKind : byte
{
    /// <summary>A node of <see cref="PatternVariable.NodeType"/>.</summary>
    Node,

    /// <summary>An edge bound with <c>$src $w:edge $dst</c>, of <see cref="PatternVariable.EdgeType"/>.</summary>
    Edge,
}

/// <summary>How a variable first entered the pattern.</summary>
public enum VariableOrigin : byte
{
    /// <summary>An explicit binding <c>$v: Type</c>.</summary>
    Binding,

    /// <summary>A traversal endpoint, typed from the edge.</summary>
    Traversal,

    /// <summary>An edge binding <c>$w:edge</c>.</summary>
    EdgeBinding,
}

/// <summary>
/// A variable of a read pattern. Each occurrence of <c>$_</c> is its own anonymous variable (it never joins two
/// clauses). Variables inside <c>not { … }</c> are local to that negation (<see cref="Depth"/> &gt; 0).
/// </summary>
public sealed class PatternVariable
{
    private ImmutableArray<FilterPredicate> _inlineFilters = [];

    internal PatternVariable(int id, string name, bool isAnonymous, GraphElementType type, VariableOrigin origin, int depth, SourcePosition position)
    {
        Id = id;
        Name = name;
        IsAnonymous = isAnonymous;
        ElementType = type;
        Origin = origin;
        Depth = depth;
        Position = position;
    }

    /// <summary>Index in <see cref="ReadQuery.Variables"/>.</summary>
    public int Id { get; }

    /// <summary>The name without <c>$</c> (<c>_</c> for anonymous variables); the prefix of result columns.</summary>
    public string Name { get; }

    /// <summary><c>$</c> plus the name, as written.</summary>
    public string DisplayName => "$" + Name;

    /// <summary><c>true</c> for an occurrence of <c>$_</c>.</summary>
    public bool IsAnonymous { get; }

    /// <summary>Node or edge.</summary>
    public VariableKind Kind => ElementType.Kind == ElementKind.Node ? VariableKind.Node : VariableKind.Edge;

    /// <summary>The node or edge type the variable ranges over.</summary>
    public GraphElementType ElementType { get; }

    /// <summary>The node type, or <c>null</c> for an edge variable.</summary>
    public NodeType? NodeType => ElementType as NodeType;

    /// <summary>The edge type, or <c>null</c> for a node variable.</summary>
    public EdgeType? EdgeType => ElementType as EdgeType;

    /// <summary>How the variable was introduced (its first occurrence).</summary>
    public VariableOrigin Origin { get; }

    /// <summary>0 for the top-level pattern, n for a variable local to n nested negations.</summary>
    public int Depth { get; }

    /// <summary>Its first occurrence.</summary>
    public SourcePosition Position { get; }

    /// <summary>
    /// The inline property matches of every binding of this variable (<c>$p: Person { name: $n }</c>), as
    /// predicates on the variable alone: the filters a scan of its table can apply directly.
    /// </summary>
    public ImmutableArray<FilterPredicate> InlineFilters => _inlineFilters;

    /// <summary>
    /// <c>true</c> when <see cref="InlineFilters"/> fix every <c>@key</c> member of a keyed node type with an
    /// equality, so the variable resolves by key lookup instead of a scan.
    /// </summary>
    public bool HasKeyEquality
    {
        get
        {
            if (NodeType is not { HasKey: true } node)
            {
                return false;
            }

            foreach (var member in node.KeyProperties)
            {
                var found = false;
                foreach (var filter in _inlineFilters)
                {
                    if (filter.Operator == ComparisonOperator.Equal && filter.Left is PropertyExpression property && ReferenceEquals(property.Property, member))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName}: {ElementType.Name}";

    internal void SetInlineFilters(ImmutableArray<FilterPredicate> filters) => _inlineFilters = filters;
}
