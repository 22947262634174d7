namespace OmniGraph.Query.Functions;

/// <summary>
/// Where in a query a function call may stand. A function lists the places it is allowed in; the type checker checks
/// every call against the one place it is written in (one check for every clause), so a function that is not ready for
/// a place fails there with <c>query_function_not_allowed</c> instead of at run time.
/// </summary>
[Flags]
public enum FunctionPlaces
{
    /// <summary>Nowhere.</summary>
    None = 0,

    /// <summary>A projection of <c>return</c> (a group key in an aggregate query).</summary>
    Return = 1 << 0,

    /// <summary>An operand of a <c>match</c> filter, or a whole <c>match</c> clause when it returns Bool.</summary>
    Filter = 1 << 1,

    /// <summary>A key of <c>order</c>.</summary>
    Order = 1 << 2,

    /// <summary>The value of a binding's inline match (<c>$p: Person { name: … }</c>).</summary>
    InlineMatch = 1 << 3,

    /// <summary>A value of an insert or update assignment, an edge endpoint, or a mutation's <c>where</c>.</summary>
    MutationValue = 1 << 4,

    /// <summary>The argument of an aggregate (<c>count(…)</c>, <c>min(…)</c>).</summary>
    AggregateArgument = 1 << 5,

    /// <summary>An argument of a scalar function (<c>length(trim(…))</c>).</summary>
    Argument = 1 << 6,

    /// <summary>An arm of <c>rrf(…)</c>: a ranking fused with another.</summary>
    FusionArm = 1 << 7,
}

/// <summary>How messages and docs name places.</summary>
public static class FunctionPlacesExtensions
{
    private static readonly (FunctionPlaces Place, string Name)[] s_names =
    [
        (FunctionPlaces.Return, "return"),
        (FunctionPlaces.Filter, "match filters"),
        (FunctionPlaces.Order, "order"),
        (FunctionPlaces.InlineMatch, "inline matches"),
        (FunctionPlaces.MutationValue, "mutation values"),
        (FunctionPlaces.AggregateArgument, "aggregate arguments"),
        (FunctionPlaces.Argument, "function arguments"),
        (FunctionPlaces.FusionArm, "rrf arms"),
    ];

    /// <summary>One place in words, as an error names where a call stands: <c>a match filter</c>, <c>order</c>.</summary>
    public static string Name(this FunctionPlaces place) => place switch
    {
        FunctionPlaces.Return => "return",
        FunctionPlaces.Filter => "a match filter",
        FunctionPlaces.Order => "order",
        FunctionPlaces.InlineMatch => "an inline match",
        FunctionPlaces.MutationValue => "a mutation value",
        FunctionPlaces.AggregateArgument => "an aggregate's argument",
        FunctionPlaces.Argument => "another function's argument",
        FunctionPlaces.FusionArm => "an rrf arm",
        _ => place.Describe(),
    };

    /// <summary>The places in words, in a fixed order: <c>return, match filters and order</c>.</summary>
    public static string Describe(this FunctionPlaces places) =>
        Wording.List([.. s_names.Where(n => (places & n.Place) != 0).Select(static n => n.Name)], "and", "nowhere");
}
