using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>The kinds of <see cref="PatternClause"/>.</summary>
public enum PatternClauseKind : byte
{
    /// <summary><see cref="NodeBinding"/>.</summary>
    Binding,

    /// <summary><see cref="Traversal"/>.</summary>
    Traversal,

    /// <summary><see cref="FilterClause"/>.</summary>
    Filter,

    /// <summary><see cref="NegationClause"/>.</summary>
    Negation,
}

/// <summary>One clause of a <see cref="QueryPattern"/>.</summary>
public abstract class PatternClause
{
    private protected PatternClause(SourcePosition position)
    {
        Position = position;
    }

    /// <summary>The clause kind (the concrete type).</summary>
    public abstract PatternClauseKind Kind { get; }

    /// <summary>Where the clause starts.</summary>
    public SourcePosition Position { get; }
}
