using System.Collections.Immutable;
using OmniGraph.Query.Ir;

namespace OmniGraph.Query.Functions;

/// <summary>
/// One function of the query language, as <see cref="FunctionRegistry"/> lists it: its name, parameters, result, the
/// places it may stand in, how it is evaluated, and the text its docs row shows. Everything that type-checks, plans or
/// runs a call reads this entry; nothing else knows a function by name.
/// </summary>
public sealed class QueryFunction
{
    private readonly ScalarKernel? _kernel;
    private readonly AggregateFunction? _aggregate;

    private QueryFunction(
        string name,
        FunctionKind kind,
        ImmutableArray<FunctionParameter> parameters,
        FunctionResult result,
        FunctionPlaces places,
        string summary,
        string nulls,
        ScalarKernel? kernel,
        AggregateFunction? aggregate,
        TypeRule? rule)
    {
        Name = name;
        Kind = kind;
        Parameters = parameters;
        Result = result;
        Places = places;
        Summary = summary;
        Nulls = nulls;
        _kernel = kernel;
        _aggregate = aggregate;
        Rule = rule;
        MinArity = parameters.Count(static p => !p.IsOptional);
    }

    /// <summary>The name calls use (<c>lower</c>, <c>starts_with</c>).</summary>
    public string Name { get; }

    /// <summary>How the function is evaluated.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The parameters in order; optional ones come last.</summary>
    public ImmutableArray<FunctionParameter> Parameters { get; }

    /// <summary>The fewest arguments a call may pass.</summary>
    public int MinArity { get; }

    /// <summary>The most arguments a call may pass.</summary>
    public int MaxArity => Parameters.Length;

    /// <summary>The result type.</summary>
    public FunctionResult Result { get; }

    /// <summary>Where a call may stand.</summary>
    public FunctionPlaces Places { get; }

    /// <summary>What the function computes (the docs row).</summary>
    public string Summary { get; }

    /// <summary>How it treats nulls (the docs row).</summary>
    public string Nulls { get; }

    /// <summary>
    /// The type rule the language reference gives this function's errors: <c>T8</c> for the aggregates' argument and
    /// count errors, the rule a search function is refused with (<c>T19</c>, <c>T20</c>, <c>T15</c>, <c>T21</c>). <c>null</c>
    /// for functions the reference does not know, whose errors carry the <c>query_function_*</c> codes.
    /// </summary>
    public TypeRule? Rule { get; }

    /// <summary>
    /// The filter operator a Bool function is equivalent to when its result is tested for <c>true</c>
    /// (<c>starts_with(s, p)</c> is <c>s starts_with p</c>), so the planner pushes it into table reads like the operator;
    /// <c>null</c> otherwise.
    /// </summary>
    public ComparisonOperator? Operator { get; private init; }

    /// <summary>Which search a <see cref="FunctionKind.Search"/> function is; <c>null</c> for other functions.</summary>
    public SearchFunctionKind? SearchKind { get; private init; }

    /// <summary>What to write instead when the function stands where it is not allowed (appended to the error), or <c>null</c>.</summary>
    public string? PlacementHint { get; private init; }

    /// <summary>The column kernel of a <see cref="FunctionKind.Scalar"/> function.</summary>
    /// <exception cref="InvalidOperationException">The function is not scalar.</exception>
    public ScalarKernel Kernel => _kernel ?? throw new InvalidOperationException($"{Name}() is not a scalar function");

    /// <summary>The aggregate an <see cref="FunctionKind.Aggregate"/> function computes.</summary>
    /// <exception cref="InvalidOperationException">The function is not an aggregate.</exception>
    public AggregateFunction Aggregate => _aggregate ?? throw new InvalidOperationException($"{Name}() is not an aggregate");

    /// <summary>A scalar function evaluated by <paramref name="kernel"/>.</summary>
    public static QueryFunction Scalar(
        string name,
        ImmutableArray<FunctionParameter> parameters,
        FunctionResult result,
        FunctionPlaces places,
        ScalarKernel kernel,
        string summary,
        string nulls,
        ComparisonOperator? equivalentOperator = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return new QueryFunction(name, FunctionKind.Scalar, Check(parameters), result, places, summary, nulls, kernel, null, null) { Operator = equivalentOperator };
    }

    /// <summary>An aggregate (one parameter, allowed in <c>return</c> only; its errors are <c>T8</c>).</summary>
    public static QueryFunction Aggregated(AggregateFunction aggregate, string name, FunctionParameter parameter, FunctionResult result, string summary, string nulls) =>
        new(name, FunctionKind.Aggregate, [parameter], result, FunctionPlaces.Return, summary, nulls, null, aggregate, TypeRule.T8)
        {
            PlacementHint = "an aggregate stands alone in a projection, `" + name + "(…) as n`; order by its alias",
        };

    /// <summary>
    /// A search function: no kernel; its calls are checked by the search rules of the type checker (its errors carry
    /// <paramref name="rule"/>) and answered by the table grain of the searched property.
    /// </summary>
    public static QueryFunction Search(
        SearchFunctionKind kind,
        string name,
        ImmutableArray<FunctionParameter> parameters,
        FunctionResult result,
        FunctionPlaces places,
        TypeRule rule,
        string summary,
        string nulls,
        string? placementHint = null) =>
        new(name, FunctionKind.Search, Check(parameters), result, places, summary, nulls, null, null, rule) { SearchKind = kind, PlacementHint = placementHint };

    /// <inheritdoc />
    public override string ToString() => $"{Name}({string.Join(", ", Parameters)})";

    private static ImmutableArray<FunctionParameter> Check(ImmutableArray<FunctionParameter> parameters)
    {
        for (var i = 1; i < parameters.Length; i++)
        {
            if (parameters[i - 1].IsOptional && !parameters[i].IsOptional)
            {
                throw new ArgumentException("optional parameters must come last", nameof(parameters));
            }
        }

        return parameters;
    }
}
