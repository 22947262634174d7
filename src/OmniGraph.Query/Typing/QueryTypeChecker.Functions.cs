using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Typing;

internal sealed partial class QueryTypeChecker
{
    /// <summary>
    /// Types one argument of a call: each place binds arguments its own way (rows' values in reads; literals and
    /// parameters in mutations), and hands nested calls back to <see cref="CheckCall"/> with <paramref name="place"/>.
    /// </summary>
    private delegate QueryExpression ArgumentBinder(ExpressionSyntax syntax, QueryFunction function, FunctionParameter parameter, FunctionPlaces place);

    /// <summary>
    /// The one check of a function call, whatever clause it stands in: the name must be registered, the function ready
    /// allowed in <paramref name="place"/>, called with a fitting number of arguments of fitting kinds (and, for a
    /// search function, the search rules of <see cref="CheckSearchCall"/>). Returns the typed call (an <see cref="AggregateExpression"/>
    /// for an aggregate).
    /// </summary>
    private QueryExpression CheckCall(CallExpressionSyntax call, FunctionPlaces place, ArgumentBinder bind)
    {
        if (!FunctionRegistry.TryGet(call.Name, out var function))
        {
            var hint = FunctionRegistry.Closest(call.Name) is { } closest ? $"; did you mean {closest.Name}()?" : string.Empty;
            return QueryThrow.Function<QueryExpression>(ErrorCodes.QueryFunctionUnknown, call.Position, $"unknown function '{call.Name}'{hint}");
        }

        if ((function.Places & place) == 0)
        {
            var hint = function.PlacementHint is { } text ? $" ({text})" : string.Empty;
            var reason = $"{function.Name}() cannot be used in {place.Name()}; it is allowed in {function.Places.Describe()}{hint}";

            // A search function misplaced is a misuse its type rule covers (T20: `bm25(…) > 0.5`).
            throw function.Kind == FunctionKind.Search
                ? new QueryTypeException(function.Rule!.Value, reason, call.Position)
                : QueryThrow.FunctionError(ErrorCodes.QueryFunctionNotAllowed, call.Position, reason);
        }

        var count = call.Arguments.Length;
        if (count < function.MinArity || count > function.MaxArity)
        {
            throw FunctionError(function, ErrorCodes.QueryFunctionArity, call.Position, $"{function.Name}() {DescribeArity(function)}, got {count}");
        }

        var nested = function.Kind == FunctionKind.Aggregate ? FunctionPlaces.AggregateArgument
            : function.SearchKind == SearchFunctionKind.Rrf ? FunctionPlaces.FusionArm
            : FunctionPlaces.Argument;
        var arguments = ImmutableArray.CreateBuilder<QueryExpression>(count);
        for (var i = 0; i < count; i++)
        {
            var syntax = call.Arguments[i];
            var parameter = function.Parameters[i];
            var argument = bind(syntax, function, parameter, nested);
            CheckArgument(function, i, argument, syntax.Position);
            arguments.Add(argument);
        }

        var typed = arguments.MoveToImmutable();
        if (function.Kind == FunctionKind.Search)
        {
            CheckSearchCall(function, typed);
        }

        _usesNow |= ReferenceEquals(function, FunctionRegistry.Now);
        var type = function.Result.TypeFor(typed);
        return function.Kind == FunctionKind.Aggregate
            ? new AggregateExpression(function.Aggregate, typed[0], type, call.Position)
            : new FunctionCallExpression(function, typed, type, call.Position);
    }

    private static void CheckArgument(QueryFunction function, int index, QueryExpression argument, SourcePosition position)
    {
        if (argument.Type.IsBlob)
        {
            var use = function.Kind == FunctionKind.Aggregate ? "aggregated" : $"passed to {function.Name}()";
            QueryThrow.Type(TypeRule.T24, position, $"Blob values cannot be {use}: {Describe(argument)}");
        }

        var parameter = function.Parameters[index];
        if (!parameter.Accepts.Accepts(ValueKindsExtensions.KindOf(argument)))
        {
            var which = function.MaxArity == 1 ? "argument" : $"as its {Ordinal(index)} argument ({parameter.Name})";
            throw FunctionError(function, ErrorCodes.QueryFunctionArgument, position,
                $"{function.Name}() needs a {parameter.Accepts.Describe()} {which}, got {DescribeArgument(argument)}");
        }
    }

    /// <summary>Arguments of a call in a read: values of the rows (a bare edge variable only where the parameter takes one).</summary>
    private ArgumentBinder ReadArguments(VariableScope scope) => (syntax, function, parameter, place) =>
    {
        switch (syntax)
        {
            case CallExpressionSyntax inner:
                return CheckCall(inner, place, ReadArguments(scope));
            case AliasReferenceSyntax alias:
                throw FunctionError(function, ErrorCodes.QueryFunctionArgument, alias.Position,
                    $"{function.Name}() takes values of the rows (`$v.prop`, `$v`, parameters, literals), not the alias `{alias.Name}`");
            case VariableReferenceSyntax { Variable.IsAnonymous: false } reference when (parameter.Accepts & ValueKinds.Edge) != 0
                && !TryGetParameter(reference.Variable.Name, out _)
                && scope.Lookup(reference.Variable.Name) is { Kind: VariableKind.Edge } edge:
                return new VariableExpression(edge, reference.Position);
            default:
                return CheckReadValue(syntax, scope, function.Kind == FunctionKind.Aggregate ? "aggregated" : $"passed to {function.Name}()");
        }
    };

    /// <summary>A bare call as a match clause: a Bool function tested for <c>true</c> (<c>starts_with($p.name, "A")</c>).</summary>
    private FilterClause CheckCallClause(CallClauseSyntax syntax, VariableScope scope)
    {
        var call = CheckCall(syntax.Call, FunctionPlaces.Filter, ReadArguments(scope));
        if (call.Type.Kind != PropertyTypeKind.Scalar || call.Type.Scalar != ScalarKind.Bool)
        {
            QueryThrow.Type(TypeRule.T7, syntax.Position,
                $"a match clause must be a test, and `{call}` is a {call.Type.DisplayName}: compare it (`{call} = …`)");
        }

        var isTrue = new LiteralExpression(QueryValue.FromBool(true), PropertyType.Of(ScalarKind.Bool), syntax.Position);
        var predicate = new FilterPredicate(call, ComparisonOperator.Equal, isTrue, ComparisonDomain.Bool, CollectVariables(call, isTrue), isInline: false, syntax.Position);
        CheckTextMatchFilter(predicate, scope);
        return new FilterClause(predicate, syntax.Position);
    }

    /// <summary>An arity or argument error: the function's reference rule when it has one (the aggregates' <c>T8</c>), else <paramref name="code"/>.</summary>
    private static QueryException FunctionError(QueryFunction function, string code, SourcePosition position, string reason) =>
        function.Rule is { } rule ? new QueryTypeException(rule, reason, position) : QueryThrow.FunctionError(code, position, reason);

    private static string DescribeArity(QueryFunction function) => (function.MinArity, function.MaxArity) switch
    {
        (0, 0) => "takes no arguments",
        var (min, max) when min == max => $"takes exactly {Count(min)} argument{(min == 1 ? string.Empty : "s")}",
        var (min, max) => $"takes {Count(min)} to {Count(max)} arguments",
    };

    private static string Count(int number) => number switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Ordinal(int index) => index switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        _ => $"#{index + 1}",
    };

    private static string DescribeArgument(QueryExpression argument) => argument is VariableExpression variable
        ? $"{(variable.Variable.Kind == VariableKind.Node ? "node" : "edge")} `{variable.Variable.DisplayName}`"
        : Describe(argument);
}
