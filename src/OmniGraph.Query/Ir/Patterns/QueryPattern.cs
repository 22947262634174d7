using System.Collections.Immutable;

namespace OmniGraph.Query.Ir;

/// <summary>
/// The clauses of a <c>match</c> block or of one <c>not { … }</c> block, in source order, with typed views per
/// clause kind. Clause order carries no evaluation order: the pattern is declarative (direction inference, which
/// depends on order, is already resolved into each <see cref="Traversal"/>).
/// </summary>
public sealed class QueryPattern
{
    internal QueryPattern(int depth, ImmutableArray<PatternClause> clauses, ImmutableArray<PatternVariable> variables)
    {
        Depth = depth;
        Clauses = clauses;
        Variables = variables;
        var bindings = ImmutableArray.CreateBuilder<NodeBinding>();
        var traversals = ImmutableArray.CreateBuilder<Traversal>();
        var filters = ImmutableArray.CreateBuilder<FilterClause>();
        var negations = ImmutableArray.CreateBuilder<NegationClause>();
        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case NodeBinding binding: bindings.Add(binding); break;
                case Traversal traversal: traversals.Add(traversal); break;
                case FilterClause filter: filters.Add(filter); break;
                case NegationClause negation: negations.Add(negation); break;
            }
        }

        Bindings = bindings.DrainToImmutable();
        Traversals = traversals.DrainToImmutable();
        Filters = filters.DrainToImmutable();
        Negations = negations.DrainToImmutable();
    }

    /// <summary>0 for the top-level pattern, n inside n nested negations.</summary>
    public int Depth { get; }

    /// <summary>Every clause in source order.</summary>
    public ImmutableArray<PatternClause> Clauses { get; }

    /// <summary>The variables this pattern introduces (not those of enclosing patterns), in order of first occurrence.</summary>
    public ImmutableArray<PatternVariable> Variables { get; }

    /// <summary>Explicit bindings, in source order.</summary>
    public ImmutableArray<NodeBinding> Bindings { get; }

    /// <summary>Traversals, in source order.</summary>
    public ImmutableArray<Traversal> Traversals { get; }

    /// <summary>Filters, in source order.</summary>
    public ImmutableArray<FilterClause> Filters { get; }

    /// <summary>Negations (anti-joins), in source order.</summary>
    public ImmutableArray<NegationClause> Negations { get; }
}
