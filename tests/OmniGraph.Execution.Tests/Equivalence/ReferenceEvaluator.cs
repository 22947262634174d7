using System.Globalization;

namespace OmniGraph.Execution.Tests.Equivalence;

/// <summary>
/// The query semantics of languages.md §2.3–§2.5 written naively, as an independent check of the engine: every assignment
/// of a pattern's variables is enumerated and tested clause by clause; traversals follow the per-source breadth-first
/// definition directly; negation is "no assignment of the inner variables exists". Rows are assignments of the top-level
/// variables (anonymous ones included), so set semantics and edge-binding multiplicity fall out of the definition.
/// </summary>
internal sealed class ReferenceEvaluator(TinyGraph graph, RandomQuery query)
{
    /// <summary>The result rows as text cells, in result order (sorted canonically when the query does not order).</summary>
    public List<string> Evaluate()
    {
        var rows = new List<Dictionary<string, string>>();
        Enumerate(query.Clauses, [], rows);
        if (query.Aggregate is { } aggregate)
        {
            return [.. rows.GroupBy(r => Name(r[aggregate.GroupVar])).Select(static g => $"{g.Key}|{g.Count()}").Order(StringComparer.Ordinal)];
        }

        IEnumerable<Dictionary<string, string>> ordered = rows;
        if (query.Order is { } order)
        {
            var named = query.TopLevel.Where(static v => !v.StartsWith('_')).Order(StringComparer.Ordinal).ToList();
            ordered = rows.Order(Comparer<Dictionary<string, string>>.Create((x, y) =>
            {
                var comparison = CompareNullsFirst(ValOf(x[order.Var]), ValOf(y[order.Var]));
                if (comparison != 0)
                {
                    return order.Descending ? -comparison : comparison;
                }

                foreach (var variable in named)
                {
                    comparison = string.CompareOrdinal(Id(x[variable]), Id(y[variable]));
                    if (comparison != 0)
                    {
                        return comparison;
                    }
                }

                return 0;
            }));
        }

        var lines = ordered.Select(row => string.Join("|", query.Projections.Select(p => Cell(row[p.Var], p.Property)))).ToList();
        if (query.Limit is { } limit)
        {
            lines = [.. lines.Take(limit)];
        }

        return query.Order is null ? [.. lines.Order(StringComparer.Ordinal)] : lines;
    }

    /// <summary>Adds every assignment of the variables <paramref name="clauses"/> introduce (given <paramref name="outer"/>) that satisfies them.</summary>
    private void Enumerate(List<RClause> clauses, Dictionary<string, string> outer, List<Dictionary<string, string>> results, bool stopAtFirst = false)
    {
        var variables = new List<string>();
        foreach (var clause in clauses)
        {
            foreach (var variable in VariablesOf(clause))
            {
                if (!outer.ContainsKey(variable) && !variables.Contains(variable))
                {
                    variables.Add(variable);
                }
            }
        }

        var assignment = new Dictionary<string, string>(outer);
        Assign(0);

        bool Assign(int index)
        {
            if (index == variables.Count)
            {
                if (clauses.All(c => Holds(c, assignment)))
                {
                    results.Add(new Dictionary<string, string>(assignment));
                    return stopAtFirst;
                }

                return false;
            }

            var variable = variables[index];
            foreach (var value in Domain(query.Types[variable]))
            {
                assignment[variable] = value;
                if (Assign(index + 1))
                {
                    return true;
                }
            }

            assignment.Remove(variable);
            return false;
        }
    }

    private static IEnumerable<string> VariablesOf(RClause clause) => clause switch
    {
        RBind bind => [bind.Var],
        RTraversal traversal => traversal.EdgeVar is { } edge ? [traversal.Left, traversal.Right, edge] : [traversal.Left, traversal.Right],
        RFilter filter => [filter.Var],
        _ => [],
    };

    /// <summary>Values are typed: <c>N:a</c>, <c>M:a</c>, edge ids <c>E:e01</c>.</summary>
    private IEnumerable<string> Domain(string type) => type switch
    {
        "N" => graph.Ns.Select(static n => "N:" + n.Name),
        "M" => graph.Ms.Select(static m => "M:" + m),
        "E" => graph.Es.Select(static e => "E:" + e.Id),
        _ => graph.Fs.Select(static f => "F:" + f.Id),
    };

    private bool Holds(RClause clause, Dictionary<string, string> a) => clause switch
    {
        RBind bind => bind.Key is null || Name(a[bind.Var]) == bind.Key,
        RTraversal traversal => HoldsTraversal(traversal, a),
        RFilter filter => Compare(filter.Property == "val" ? ValOf(a[filter.Var]) : WeightOf(a[filter.Var]), filter.Op, filter.Literal),
        RNot not => !Exists(not.Inner, a),
        _ => throw new InvalidOperationException(),
    };

    private bool Exists(List<RClause> clauses, Dictionary<string, string> outer)
    {
        var found = new List<Dictionary<string, string>>();
        Enumerate(clauses, outer, found, stopAtFirst: true);
        return found.Count > 0;
    }

    private bool HoldsTraversal(RTraversal t, Dictionary<string, string> a)
    {
        var left = a[t.Left];
        var right = a[t.Right];

        // Direction: E is same-typed (as written, or both ways); F runs N -> M, followed backwards from an M on the left.
        var reverse = t.Edge == "F" && left.StartsWith("M:", StringComparison.Ordinal);
        if (t.EdgeVar is { } edgeVar)
        {
            var (src, dst) = Endpoints(a[edgeVar]);
            return t.Undirected
                ? (src == left && dst == right) || (src == right && dst == left)
                : reverse ? dst == left && src == right : src == left && dst == right;
        }

        var max = t.Edge == "F" ? Math.Min(t.Max, 1) : t.Max;
        return Reach(left, t.Edge, reverse, t.Undirected, t.Min, max).Contains(right);
    }

    /// <summary>The breadth-first search of §2.3 from one source.</summary>
    private HashSet<string> Reach(string source, string edge, bool reverse, bool undirected, int min, int max)
    {
        var emitted = new HashSet<string>();
        var visited = new HashSet<string> { source };
        var frontier = new List<string> { source };
        for (var hop = 1; hop <= max && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in Neighbours(node, edge, reverse, undirected))
                {
                    if (neighbour == node)
                    {
                        if (hop >= min)
                        {
                            emitted.Add(neighbour);
                        }

                        continue;
                    }

                    if (visited.Add(neighbour))
                    {
                        next.Add(neighbour);
                        if (hop >= min)
                        {
                            emitted.Add(neighbour);
                        }
                    }
                }
            }

            frontier = next;
        }

        return emitted;
    }

    private IEnumerable<string> Neighbours(string node, string edge, bool reverse, bool undirected)
    {
        var edges = edge == "E"
            ? graph.Es.Select(static e => ("N:" + e.Src, "N:" + e.Dst))
            : graph.Fs.Select(static f => ("N:" + f.Src, "M:" + f.Dst));
        foreach (var (src, dst) in edges)
        {
            if ((!reverse || undirected) && src == node)
            {
                yield return dst;
            }

            if ((reverse || undirected) && dst == node)
            {
                yield return src;
            }
        }
    }

    private (string Src, string Dst) Endpoints(string edge)
    {
        var id = edge[2..];
        if (edge.StartsWith("E:", StringComparison.Ordinal))
        {
            var e = graph.Es.Single(x => x.Id == id);
            return ("N:" + e.Src, "N:" + e.Dst);
        }

        var f = graph.Fs.Single(x => x.Id == id);
        return ("N:" + f.Src, "M:" + f.Dst);
    }

    private int? ValOf(string node) => graph.Ns.Single(n => n.Name == Name(node)).Val;

    private int? WeightOf(string edge) => graph.Es.Single(e => e.Id == edge[2..]).W;

    private static bool Compare(int? value, string op, int literal) => value is { } v && op switch
    {
        "=" => v == literal,
        "!=" => v != literal,
        "<" => v < literal,
        "<=" => v <= literal,
        ">" => v > literal,
        _ => v >= literal,
    };

    private static int CompareNullsFirst(int? x, int? y) =>
        x is null || y is null ? (x is null).CompareTo(y is null) * -1 : x.Value.CompareTo(y.Value);

    private string Cell(string value, string property) => property switch
    {
        "name" => Name(value),
        _ => WeightOf(value)?.ToString(CultureInfo.InvariantCulture) ?? "null",
    };

    private static string Name(string value) => value[2..];

    private static string Id(string value) => value[2..];
}
