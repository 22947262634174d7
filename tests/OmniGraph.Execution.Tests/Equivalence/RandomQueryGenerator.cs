namespace OmniGraph.Execution.Tests.Equivalence;

/// <summary>Random read queries over <see cref="TinyGraph.Schema"/>: bindings, traversals of every shape, filters, negations.</summary>
internal sealed class RandomQueryGenerator(Random random)
{
    private static readonly string[] s_names = ["a", "b", "c", "d"];
    private static readonly string[] s_ops = ["=", "!=", "<", "<=", ">", ">="];
    private static readonly (int Min, int Max)[] s_bounds = [(1, 1), (1, 1), (1, 1), (1, 2), (2, 2), (1, 3), (2, 3)];
    private int _anonymous;
    private int _inner;

    public RandomQuery Next()
    {
        var query = new RandomQuery();
        var named = new List<string>();
        string first;
        if (random.NextDouble() < 0.7)
        {
            first = NewVar(query, named, "N");
            query.Clauses.Add(new RBind(first, "N", random.NextDouble() < 0.4 ? Pick(TinyGraph.Alphabet) : null));
        }
        else
        {
            // Both endpoints new: the traversal starts the pattern.
            first = NewVar(query, named, "N");
            var second = NewVar(query, named, "N");
            query.Clauses.Add(new RTraversal(first, second, "E", 1, 1, false, null));
        }

        var steps = random.Next(1, 4);
        for (var step = 0; step < steps && named.Count < 4; step++)
        {
            var roll = random.NextDouble();
            if (roll < 0.55)
            {
                AddTraversal(query, named);
            }
            else if (roll < 0.75)
            {
                AddFilter(query, query.Clauses, named);
            }
            else if (roll < 0.95)
            {
                AddNegation(query, named);
            }
            else
            {
                var lonely = NewVar(query, named, "M");
                query.Clauses.Add(new RBind(lonely, "M", random.NextDouble() < 0.5 ? Pick(TinyGraph.Alphabet) : null));
            }
        }

        var nodeVars = named.Where(v => query.Types[v] is "N" or "M").ToList();
        var nVars = named.Where(v => query.Types[v] == "N").ToList();
        if (random.NextDouble() < 0.2 && nodeVars.Count >= 2 && query.Types[nodeVars[0]] == "N")
        {
            query.Aggregate = (nodeVars[0], Pick(query.TopLevel));
            return query;
        }

        foreach (var variable in named)
        {
            query.Projections.Add((variable, query.Types[variable] is "E" ? "w" : "name"));
        }

        if (query.Types.Any(static t => t.Value == "F"))
        {
            // F edge variables have no property: they are only bound.
            query.Projections.RemoveAll(p => query.Types[p.Var] == "F");
        }

        if (random.NextDouble() < 0.4 && nVars.Count > 0)
        {
            query.Order = (Pick(nVars), random.NextDouble() < 0.5);
            if (random.NextDouble() < 0.6)
            {
                query.Limit = random.Next(1, 6);
            }
        }

        return query;
    }

    private void AddTraversal(RandomQuery query, List<string> named)
    {
        var nodeVars = named.Where(v => query.Types[v] is "N" or "M").ToList();
        var from = Pick(nodeVars);
        var fromType = query.Types[from];
        var useF = fromType == "M" || random.NextDouble() < 0.3;
        var edge = useF ? "F" : "E";
        var otherType = edge == "E" ? "N" : fromType == "N" ? "M" : "N";
        var (min, max) = edge == "E" ? Pick(s_bounds) : (random.NextDouble() < 0.2 ? (1, 2) : (1, 1));
        var undirected = edge == "E" && random.NextDouble() < 0.25;
        string? edgeVar = null;
        if (min == 1 && max == 1 && random.NextDouble() < 0.25 && named.Count < 4)
        {
            edgeVar = NewVar(query, named, edge);
        }

        // The far endpoint: a new variable, a bound one of the right type (a cycle), or $_.
        var candidates = named.Where(v => query.Types[v] == otherType && v != edgeVar).ToList();
        string other;
        var roll = random.NextDouble();
        if (roll < 0.2 && candidates.Count > 0)
        {
            other = Pick(candidates);
        }
        else if (roll < 0.35 && edgeVar is null)
        {
            other = NewAnonymous(query, otherType);
        }
        else if (named.Count < 4)
        {
            other = NewVar(query, named, otherType);
        }
        else
        {
            other = NewAnonymous(query, otherType);
        }

        // Written either way round when the new side may start (the engine then expands from the bound right side).
        var reversed = !other.StartsWith('_') && edge == "E" && random.NextDouble() < 0.3;
        query.Clauses.Add(reversed
            ? new RTraversal(other, from, edge, min, max, undirected, edgeVar)
            : new RTraversal(from, other, edge, min, max, undirected, edgeVar));
    }

    private void AddFilter(RandomQuery query, List<RClause> clauses, List<string> scope)
    {
        var targets = scope.Where(v => query.Types[v] is "N" or "E").ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var target = Pick(targets);
        clauses.Add(new RFilter(target, query.Types[target] == "N" ? "val" : "w", Pick(s_ops), random.Next(0, 5)));
    }

    private void AddNegation(RandomQuery query, List<string> named, int depth = 0)
    {
        var outer = named.Where(v => query.Types[v] == "N").ToList();
        if (outer.Count == 0)
        {
            return;
        }

        var inner = new List<RClause>();
        var from = Pick(outer);
        var local = new List<string>(outer);
        var useF = random.NextDouble() < 0.4;
        var (min, max) = useF ? (1, 1) : Pick(s_bounds);
        string target;
        if (random.NextDouble() < 0.4)
        {
            target = NewAnonymous(query, useF ? "M" : "N");
        }
        else
        {
            target = $"i{_inner++}";
            query.Types[target] = useF ? "M" : "N";
            local.Add(target);
        }

        inner.Add(new RTraversal(from, target, useF ? "F" : "E", min, max, !useF && random.NextDouble() < 0.2, null));
        if (!target.StartsWith('_') && !useF && random.NextDouble() < 0.5)
        {
            AddFilter(query, inner, [target]);
        }
        else if (random.NextDouble() < 0.3)
        {
            AddFilter(query, inner, outer);
        }

        if (depth == 0 && !target.StartsWith('_') && !useF && random.NextDouble() < 0.3)
        {
            AddNegationInto(query, inner, [target]);
        }

        query.Clauses.Add(new RNot(inner));
    }

    private void AddNegationInto(RandomQuery query, List<RClause> clauses, List<string> scope)
    {
        var from = Pick(scope);
        var useF = random.NextDouble() < 0.5;
        clauses.Add(new RNot([new RTraversal(from, NewAnonymous(query, useF ? "M" : "N"), useF ? "F" : "E", 1, useF ? 1 : random.Next(1, 3), false, null)]));
    }

    private string NewVar(RandomQuery query, List<string> named, string type)
    {
        var name = s_names[named.Count];
        if (type is "E" or "F")
        {
            name = named.Count % 2 == 0 ? "w" : "x";
            while (query.Types.ContainsKey(name))
            {
                name += "w";
            }
        }

        named.Add(name);
        query.Types[name] = type;
        query.TopLevel.Add(name);
        return name;
    }

    private string NewAnonymous(RandomQuery query, string type)
    {
        var name = $"_{_anonymous++}";
        query.Types[name] = type;
        return name;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
