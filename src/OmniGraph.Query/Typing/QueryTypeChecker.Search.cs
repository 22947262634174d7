using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

/// <summary>The search rules (spec §2.6, T15/T17–T21/T23): what a search call may search, with what query, and where.</summary>
internal sealed partial class QueryTypeChecker
{
    /// <summary>The argument rules of a search call: a node property of the right type, a constant query, a fitting budget or constant.</summary>
    private static void CheckSearchCall(QueryFunction function, ImmutableArray<QueryExpression> arguments)
    {
        var rule = function.Rule!.Value;
        var kind = function.SearchKind!.Value;
        if (kind == SearchFunctionKind.Rrf)
        {
            CheckFusion(arguments);
            return;
        }

        if (arguments[0] is not PropertyExpression field)
        {
            QueryThrow.Type(rule, arguments[0].Position, $"{function.Name}() searches a property of a node binding (`$d.{(kind == SearchFunctionKind.Nearest ? "embedding" : "title")}`), got {Describe(arguments[0])}");
            return;
        }

        if (field.Variable.Kind == VariableKind.Edge)
        {
            QueryThrow.Type(TypeRule.T23, field.Position, $"{function.Name}() searches node properties; `{field.Variable.DisplayName}` is an edge variable");
        }

        if (kind != SearchFunctionKind.Nearest && (field.Type.Kind != PropertyTypeKind.Scalar || field.Type.Scalar != ScalarKind.String))
        {
            QueryThrow.Type(rule, field.Position, $"{function.Name}() searches a String property, and `{field}` is a {field.Type.DisplayName}");
        }

        var query = arguments[1];
        if (!QueryExpressions.IsConstant(query))
        {
            QueryThrow.Type(rule, query.Position, $"the query of {function.Name}() is a literal or a parameter, got {Describe(query)}");
        }

        if (kind == SearchFunctionKind.Nearest)
        {
            CheckVectorQuery(field, query);
        }

        if (kind == SearchFunctionKind.Fuzzy && arguments.Length == 3)
        {
            var edits = arguments[2];
            if (!QueryExpressions.IsConstant(edits))
            {
                QueryThrow.Type(rule, edits.Position, $"fuzzy()'s max_edits is an integer literal or parameter, got {Describe(edits)}");
            }

            if (edits is LiteralExpression { Value: var value } && (value.AsInteger() < 0 || value.AsInteger() > 2))
            {
                QueryThrow.Type(rule, edits.Position, $"fuzzy()'s max_edits is 0, 1 or 2, got {value}");
            }
        }
    }

    /// <summary>T15: the query of <c>nearest</c> is a Vector(N), a list of N numbers, or text to embed.</summary>
    private static void CheckVectorQuery(PropertyExpression field, QueryExpression query)
    {
        var dimension = field.Type.VectorDimension;
        var type = query.Type;
        if (type.IsVector && type.VectorDimension != dimension)
        {
            QueryThrow.Type(TypeRule.T15, query.Position, $"nearest() on `{field}` (Vector({dimension})) needs a query of {dimension} components, got {type.DisplayName}");
        }

        if (type.IsList && query is LiteralExpression literal)
        {
            var items = literal.Value.AsList();
            if (items.Length != dimension)
            {
                QueryThrow.Type(TypeRule.T15, query.Position, $"nearest() on `{field}` (Vector({dimension})) needs a query of {dimension} components, got a list of {items.Length}");
            }
        }

        if (type.IsList && !IsNumeric(type.Scalar))
        {
            QueryThrow.Type(TypeRule.T15, query.Position, $"nearest()'s query vector holds numbers, got {type.DisplayName}");
        }
    }

    private static bool IsNumeric(ScalarKind scalar) => scalar is ScalarKind.I32 or ScalarKind.I64 or ScalarKind.U32 or ScalarKind.U64 or ScalarKind.F32 or ScalarKind.F64;

    /// <summary>T21: <c>rrf</c> fuses two rankings of one variable; its constant is a positive integer.</summary>
    private static void CheckFusion(ImmutableArray<QueryExpression> arguments)
    {
        PatternVariable? variable = null;
        for (var i = 0; i < 2; i++)
        {
            if (arguments[i] is not FunctionCallExpression { Function.SearchKind: SearchFunctionKind.Bm25 or SearchFunctionKind.Nearest } arm)
            {
                QueryThrow.Type(TypeRule.T21, arguments[i].Position, $"rrf() fuses two rankings: each arm is a nearest(…) or bm25(…) call, got {Describe(arguments[i])}");
                return;
            }

            var armVariable = ((PropertyExpression)arm.Arguments[0]).Variable;
            if (variable is not null && !ReferenceEquals(variable, armVariable))
            {
                QueryThrow.Type(TypeRule.T21, arm.Position, $"rrf() fuses two rankings of one binding; its arms rank `{variable.DisplayName}` and `{armVariable.DisplayName}`");
            }

            variable = armVariable;
        }

        if (arguments.Length == 3)
        {
            var k = arguments[2];
            if (!QueryExpressions.IsConstant(k))
            {
                QueryThrow.Type(TypeRule.T21, k.Position, $"rrf()'s k is a positive integer literal or parameter, got {Describe(k)}");
            }

            if (k is LiteralExpression { Value: var value } && value.AsInteger() < 1)
            {
                QueryThrow.Type(TypeRule.T21, k.Position, $"rrf()'s k is a positive integer, got {value}");
            }
        }
    }

    /// <summary>
    /// A text match in a filter: the whole clause (or <c>… = true</c>), on a variable of the block it stands in, so the
    /// planner hands it to that variable's table read.
    /// </summary>
    private static void CheckTextMatchFilter(FilterPredicate predicate, VariableScope scope)
    {
        var search = FindSearchCall(predicate.Left) ?? FindSearchCall(predicate.Right);
        if (search is null)
        {
            return;
        }

        var rule = search.Function.Rule!.Value;
        var canonical = ReferenceEquals(search, predicate.Left) && predicate.Operator == ComparisonOperator.Equal
            && predicate.Right is LiteralExpression { Value: { Kind: QueryValueKind.Bool } isTrue } && isTrue.AsBool();
        if (!canonical)
        {
            QueryThrow.Type(rule, search.Position, $"{search.Function.Name}() is a match clause of its own (`{search}`, or `{search} = true`); it cannot be compared otherwise");
        }

        var field = (PropertyExpression)search.Arguments[0];
        if (field.Variable.Depth != scope.Depth)
        {
            QueryThrow.Type(rule, search.Position, $"{search.Function.Name}() searches a binding of the block it stands in; `{field.Variable.DisplayName}` is bound outside this `not {{ … }}`");
        }
    }

    private static FunctionCallExpression? FindSearchCall(QueryExpression expression) =>
        expression is FunctionCallExpression { Function.Kind: FunctionKind.Search } call ? call : null;

    /// <summary>The search ordering of a read (spec §2.5, T17/T18/T21), or <c>null</c> when the first key is not a search.</summary>
    private static SearchOrder? CheckSearchOrder(ImmutableArray<OrderKey> keys, bool isAggregate, long? limit, SourcePosition limitPosition)
    {
        SearchOrder? order = null;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Expression is not FunctionCallExpression { Function.Kind: FunctionKind.Search } call)
            {
                continue;
            }

            var rule = call.Function.Rule!.Value;
            if (i > 0)
            {
                QueryThrow.Type(rule, call.Position, $"{call.Function.Name}() must be the first order key: the search defines the order");
            }

            if (isAggregate)
            {
                QueryThrow.Type(rule, call.Position, $"an aggregate query cannot be ordered by {call.Function.Name}(); order by a group key or an alias");
            }

            order = BuildSearchOrder(call, limit);
        }

        if (order is null)
        {
            return null;
        }

        var requires = order.Call.Function.SearchKind == SearchFunctionKind.Rrf ? TypeRule.T21 : order.HasNearest ? TypeRule.T17 : (TypeRule?)null;
        if (requires is { } limitRule)
        {
            if (limit is null)
            {
                QueryThrow.Type(limitRule, order.Call.Position, $"ordering by {order.Call.Function.Name}() requires a limit clause");
            }
        }

        if (limit is 0)
        {
            QueryThrow.Type(requires ?? TypeRule.T20, limitPosition, $"a search ordering needs a limit of at least 1, got 0");
        }

        if (order.HasNearest)
        {
            foreach (var key in keys)
            {
                if (key.Expression is ColumnReferenceExpression alias)
                {
                    QueryThrow.Type(TypeRule.T18, key.Position, $"ordering by the alias `{alias.ColumnName}` cannot be combined with nearest()");
                }
            }
        }

        return order;
    }

    /// <summary>
    /// A ranking in <c>return</c> is a score column: the score of the ranking that orders the query, so it must be the
    /// very call of the first order key (the same function, property and query), never a ranking computed on its own.
    /// </summary>
    private static void CheckScoreProjections(ImmutableArray<Projection> projections, SearchOrder? search)
    {
        foreach (var projection in projections)
        {
            if (FindSearchCall(projection.Expression) is not { } score)
            {
                continue;
            }

            if (search is null || !QueryExpressions.SameValue(score, search.Call))
            {
                var ordered = search is null ? "the query is not ordered by a ranking" : $"the query is ordered by `{search.Call}`";
                QueryThrow.Type(score.Function.Rule!.Value, score.Position,
                    $"{score.Function.Name}() in return is the score of the ranking that orders the query, and {ordered}; order by the same call (`order {{ {score} }}`) to return its score");
            }
        }
    }

    private static SearchOrder BuildSearchOrder(FunctionCallExpression call, long? limit)
    {
        if (call.Function.SearchKind == SearchFunctionKind.Rrf)
        {
            var first = Arm((FunctionCallExpression)call.Arguments[0]);
            var second = Arm((FunctionCallExpression)call.Arguments[1]);
            return new SearchOrder(call, first.Field.Variable, [first, second], call.Arguments.Length == 3 ? call.Arguments[2] : null, limit);
        }

        var arm = Arm(call);
        return new SearchOrder(call, arm.Field.Variable, [arm], null, limit);
    }

    private static SearchOrderArm Arm(FunctionCallExpression call) =>
        new(call.Function.SearchKind!.Value, (PropertyExpression)call.Arguments[0], call.Arguments[1]);
}
