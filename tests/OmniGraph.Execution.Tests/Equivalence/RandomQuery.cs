using System.Globalization;
using System.Text;

namespace OmniGraph.Execution.Tests.Equivalence;

/// <summary>A clause of a generated query (what the text says, in a form the reference evaluator reads).</summary>
internal abstract record RClause;

/// <summary><c>$v: T</c>, optionally <c>{ name: "k" }</c>.</summary>
internal sealed record RBind(string Var, string Type, string? Key) : RClause;

/// <summary><c>$l [$w:] edge{min,max} $r</c> or <c>$l &lt;edge&gt; $r</c>; anonymous endpoints have names starting with <c>_</c>.</summary>
internal sealed record RTraversal(string Left, string Right, string Edge, int Min, int Max, bool Undirected, string? EdgeVar) : RClause;

/// <summary><c>$v.prop op literal</c> (<c>val</c> of an N variable, <c>w</c> of an E edge variable).</summary>
internal sealed record RFilter(string Var, string Property, string Op, int Literal) : RClause;

/// <summary><c>not { … }</c>.</summary>
internal sealed record RNot(List<RClause> Inner) : RClause;

/// <summary>A generated read query: its clauses, result shape and text.</summary>
internal sealed class RandomQuery
{
    public List<RClause> Clauses { get; } = [];

    /// <summary>Type of every variable (N, M, or E/F for edge variables).</summary>
    public Dictionary<string, string> Types { get; } = [];

    /// <summary>Top-level variables in order of introduction (anonymous ones included).</summary>
    public List<string> TopLevel { get; } = [];

    /// <summary>Projected (variable, property): <c>name</c> of node variables, <c>w</c> of edge variables.</summary>
    public List<(string Var, string Property)> Projections { get; } = [];

    /// <summary><c>return { $g.name, count($c) as n }</c> when set.</summary>
    public (string GroupVar, string CountedVar)? Aggregate { get; set; }

    /// <summary><c>order { $v.val asc|desc }</c> when set.</summary>
    public (string Var, bool Descending)? Order { get; set; }

    public int? Limit { get; set; }

    public string Text()
    {
        var text = new StringBuilder("query q() {\n  match {\n");
        foreach (var clause in Clauses)
        {
            Render(clause, text, "    ");
        }

        text.Append("  }\n  return { ");
        if (Aggregate is { } aggregate)
        {
            text.Append('$').Append(aggregate.GroupVar).Append(".name, count($").Append(aggregate.CountedVar).Append(") as n");
        }
        else
        {
            text.AppendJoin(", ", Projections.Select(static p => $"${p.Var}.{p.Property}"));
        }

        text.Append(" }\n");
        if (Order is { } order)
        {
            text.Append("  order { $").Append(order.Var).Append(".val ").Append(order.Descending ? "desc" : "asc").Append(" }\n");
        }

        if (Limit is { } limit)
        {
            text.Append("  limit ").Append(limit.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.Append("}\n").ToString();
    }

    private static void Render(RClause clause, StringBuilder text, string indent)
    {
        switch (clause)
        {
            case RBind bind:
                text.Append(indent).Append('$').Append(bind.Var).Append(": ").Append(bind.Type);
                if (bind.Key is { } key)
                {
                    text.Append(" { name: \"").Append(key).Append("\" }");
                }

                text.Append('\n');
                break;
            case RTraversal traversal:
                text.Append(indent).Append(Name(traversal.Left)).Append(' ');
                if (traversal.EdgeVar is { } edge)
                {
                    text.Append('$').Append(edge).Append(':');
                }

                text.Append(traversal.Undirected ? $"<{traversal.Edge.ToLowerInvariant()}>" : traversal.Edge.ToLowerInvariant());
                if (traversal.Min != 1 || traversal.Max != 1)
                {
                    text.Append('{').Append(traversal.Min).Append(',').Append(traversal.Max).Append('}');
                }

                text.Append(' ').Append(Name(traversal.Right)).Append('\n');
                break;
            case RFilter filter:
                text.Append(indent).Append('$').Append(filter.Var).Append('.').Append(filter.Property).Append(' ').Append(filter.Op).Append(' ')
                    .Append(filter.Literal.ToString(CultureInfo.InvariantCulture)).Append('\n');
                break;
            case RNot not:
                text.Append(indent).Append("not {\n");
                foreach (var inner in not.Inner)
                {
                    Render(inner, text, indent + "  ");
                }

                text.Append(indent).Append("}\n");
                break;
        }
    }

    private static string Name(string variable) => variable.StartsWith('_') ? "$_" : "$" + variable;
}
