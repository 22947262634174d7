using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// What the whole query reads of each variable after binding it: properties (projections, sort keys, aggregate
/// arguments, filters the table grains cannot evaluate), and whether the result reads the variable itself.
/// </summary>
internal sealed class VariableUsage
{
    private readonly SortedSet<Property>[] _properties;
    private readonly bool[] _readByResult;

    public VariableUsage(ReadQuery query)
    {
        var count = query.Variables.Length;
        _properties = new SortedSet<Property>[count];
        for (var i = 0; i < count; i++)
        {
            _properties[i] = new SortedSet<Property>(Comparer<Property>.Create(static (a, b) => a.Ordinal.CompareTo(b.Ordinal)));
        }

        _readByResult = new bool[count];
        foreach (var projection in query.Projections)
        {
            if (projection.Expression is AggregateExpression { Function: AggregateFunction.Count, Argument: VariableExpression })
            {
                // count($v) only needs the row to exist (and its weight); it never reads $v.
                continue;
            }

            ReadByResult(projection.Expression);
        }

        foreach (var key in query.Order)
        {
            ReadByResult(key.Expression);
        }

        CollectFilterReads(query.Pattern);
    }

    /// <summary>Properties of <paramref name="variable"/> read after binding, by ordinal.</summary>
    public ImmutableArray<Property> PropertiesOf(PatternVariable variable) => [.. _properties[variable.Id]];

    /// <summary>Whether a projection, an aggregate other than a bare <c>count</c>, or a sort key reads the variable.</summary>
    public bool IsReadByResult(PatternVariable variable) => _readByResult[variable.Id];

    /// <summary>All requirements, by variable id.</summary>
    public ImmutableArray<ImmutableArray<Property>> All() => [.. _properties.Select(static s => s.ToImmutableArray())];

    private void ReadByResult(QueryExpression expression)
    {
        foreach (var variable in QueryExpressions.Variables(expression))
        {
            _readByResult[variable.Id] = true;
        }

        foreach (var property in QueryExpressions.Properties(expression))
        {
            _properties[property.Variable.Id].Add(property.Property);
        }
    }

    /// <summary>
    /// Filters that are not pushed into a table read are evaluated on rows and need their properties fetched: every
    /// filter with two property operands or a call of row values, and every filter on a variable bound outside the
    /// pattern it is written in.
    /// </summary>
    private void CollectFilterReads(QueryPattern pattern)
    {
        foreach (var clause in pattern.Clauses)
        {
            switch (clause)
            {
                case FilterClause filter:
                    CollectFilterRead(filter.Predicate, pattern.Depth);
                    break;
                case NodeBinding binding when binding.Variable.Depth != pattern.Depth:
                    foreach (var inline in binding.Filters)
                    {
                        CollectFilterRead(inline, pattern.Depth);
                    }

                    break;
                case NegationClause negation:
                    CollectFilterReads(negation.Pattern);
                    break;
            }
        }
    }

    private void CollectFilterRead(FilterPredicate predicate, int depth)
    {
        if (PushdownTranslator.TryTranslate(predicate) is { } pushed && pushed.Variable.Depth == depth)
        {
            return;
        }

        foreach (var property in QueryExpressions.Properties(predicate.Left).Concat(QueryExpressions.Properties(predicate.Right)))
        {
            _properties[property.Variable.Id].Add(property.Property);
        }
    }
}
