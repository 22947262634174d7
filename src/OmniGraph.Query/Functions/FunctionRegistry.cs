using System.Collections.Frozen;
using System.Collections.Immutable;
using OmniGraph.Arrow.Compute;
using OmniGraph.Query.Functions.Kernels;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;
using static OmniGraph.Query.Functions.FunctionPlaces;

namespace OmniGraph.Query.Functions;

/// <summary>
/// Every function of the query language, in one place. A call is resolved here by name; the entry decides whether it
/// type-checks where it is written and how it runs. Adding a function is adding an entry (and its kernel, its docs row
/// in docs/query-language.md and a case file under tests/cases): see "Adding a function" in that doc.
/// </summary>
public static class FunctionRegistry
{
    /// <summary>Where a function of row values may stand: everywhere rows are read, but not in inline matches or mutation values (literals and parameters only).</summary>
    private const FunctionPlaces RowValue = Return | Filter | Order | AggregateArgument | Argument;

    private const string NullInNullOut = "null when an argument is null";
    private const string NullPredicate = "null when an argument is null, so a filter drops the row";
    private const string TextMatchNulls = "a row whose property is null does not match";
    private const string MatchHint = "a text match is a match clause of its own, `search($d.title, $q)`";
    private const string RankingHint = "a ranking is the first key of `order`, `order { bm25($d.title, $q) }`";

    /// <summary><c>now()</c>: the execution's timestamp.</summary>
    public static QueryFunction Now { get; } = QueryFunction.Scalar(
        "now", [], FunctionResult.Of(ScalarKind.DateTime, ResultNullability.Never),
        Return | Filter | InlineMatch | MutationValue | AggregateArgument | Argument,
        new NowKernel(),
        "The execution's timestamp (UTC): one instant per execution, the same at every occurrence; the reserved parameter `__omnigraph_now` pins it.",
        "never null");

    /// <summary><c>lower(s)</c>.</summary>
    public static QueryFunction Lower { get; } = QueryFunction.Scalar(
        "lower", [new("s", ValueKinds.String)], FunctionResult.Of(ScalarKind.String), RowValue,
        new Utf8MapKernel(Utf8Kernels.ToLower),
        "`s` in lower case (Unicode simple case mapping, culture-invariant).",
        NullInNullOut);

    /// <summary><c>upper(s)</c>.</summary>
    public static QueryFunction Upper { get; } = QueryFunction.Scalar(
        "upper", [new("s", ValueKinds.String)], FunctionResult.Of(ScalarKind.String), RowValue,
        new Utf8MapKernel(Utf8Kernels.ToUpper),
        "`s` in upper case (Unicode simple case mapping, culture-invariant).",
        NullInNullOut);

    /// <summary><c>trim(s)</c>.</summary>
    public static QueryFunction Trim { get; } = QueryFunction.Scalar(
        "trim", [new("s", ValueKinds.String)], FunctionResult.Of(ScalarKind.String), RowValue,
        new Utf8MapKernel(Utf8Kernels.Trim),
        "`s` without leading and trailing white space (Unicode White_Space).",
        NullInNullOut);

    /// <summary><c>length(s)</c>.</summary>
    public static QueryFunction Length { get; } = QueryFunction.Scalar(
        "length", [new("s", ValueKinds.String)], FunctionResult.Of(ScalarKind.I64), RowValue,
        new Utf8MapKernel(Utf8Kernels.CodePointLength),
        "The number of characters (Unicode code points) of `s`.",
        NullInNullOut);

    /// <summary><c>starts_with(s, prefix)</c>.</summary>
    public static QueryFunction StartsWith { get; } = QueryFunction.Scalar(
        "starts_with", [new("s", ValueKinds.String), new("prefix", ValueKinds.String)], FunctionResult.Of(ScalarKind.Bool), RowValue,
        new Utf8PredicateKernel(Utf8Kernels.StartsWith, Utf8Kernels.StartsWith, Utf8Kernels.StartsWith),
        "Whether `s` begins with `prefix` (exact and case-sensitive); the function form of the `starts_with` operator.",
        NullPredicate,
        ComparisonOperator.StartsWith);

    /// <summary><c>contains(s, fragment)</c>.</summary>
    public static QueryFunction Contains { get; } = QueryFunction.Scalar(
        "contains", [new("s", ValueKinds.String), new("fragment", ValueKinds.String)], FunctionResult.Of(ScalarKind.Bool), RowValue,
        new Utf8PredicateKernel(Utf8Kernels.Contains, Utf8Kernels.Contains, Utf8Kernels.Contains),
        "Whether `fragment` occurs in `s` (exact and case-sensitive substring); the function form of String `contains` (list membership stays the operator).",
        NullPredicate,
        ComparisonOperator.StringContains);

    /// <summary><c>count(x)</c>.</summary>
    public static QueryFunction Count { get; } = QueryFunction.Aggregated(
        AggregateFunction.Count, "count", new("x", ValueKinds.Any | ValueKinds.Edge), FunctionResult.Of(ScalarKind.I64, ResultNullability.Never),
        "The number of non-null values of `x` in the group (`count($f)` counts rows, `count($w)` edges).",
        "nulls are not counted; 0 over no value");

    /// <summary><c>sum(x)</c>.</summary>
    public static QueryFunction Sum { get; } = QueryFunction.Aggregated(
        AggregateFunction.Sum, "sum", new("x", ValueKinds.Numeric), FunctionResult.Of(ScalarKind.F64, ResultNullability.Always),
        "The sum of the group's values (integers are summed exactly, then converted).",
        "nulls are skipped; null over no value");

    /// <summary><c>avg(x)</c>.</summary>
    public static QueryFunction Avg { get; } = QueryFunction.Aggregated(
        AggregateFunction.Avg, "avg", new("x", ValueKinds.Numeric), FunctionResult.Of(ScalarKind.F64, ResultNullability.Always),
        "The mean of the group's values.",
        "nulls are skipped; null over no value");

    /// <summary><c>min(x)</c>.</summary>
    public static QueryFunction Min { get; } = QueryFunction.Aggregated(
        AggregateFunction.Min, "min", new("x", ValueKinds.Numeric | ValueKinds.String), FunctionResult.OfArgument(ResultNullability.Always),
        "The smallest of the group's values.",
        "nulls are skipped; null over no value");

    /// <summary><c>max(x)</c>.</summary>
    public static QueryFunction Max { get; } = QueryFunction.Aggregated(
        AggregateFunction.Max, "max", new("x", ValueKinds.Numeric | ValueKinds.String), FunctionResult.OfArgument(ResultNullability.Always),
        "The largest of the group's values.",
        "nulls are skipped; null over no value");

    /// <summary><c>search(field, query)</c>.</summary>
    public static QueryFunction Search { get; } = QueryFunction.Search(
        SearchFunctionKind.AllTerms, "search", [new("field", ValueKinds.String), new("query", ValueKinds.String)], FunctionResult.Of(ScalarKind.Bool, ResultNullability.Never),
        Filter, TypeRule.T19,
        "Keeps the rows whose text property holds every analyzed term of `query` (lowercased, stemmed, stop words removed; see search.md).",
        TextMatchNulls, MatchHint);

    /// <summary><c>fuzzy(field, query, max_edits?)</c>.</summary>
    public static QueryFunction Fuzzy { get; } = QueryFunction.Search(
        SearchFunctionKind.Fuzzy, "fuzzy", [new("field", ValueKinds.String), new("query", ValueKinds.String), new("max_edits", ValueKinds.Integer, IsOptional: true)],
        FunctionResult.Of(ScalarKind.Bool, ResultNullability.Never), Filter, TypeRule.T19,
        "Keeps the rows holding, for every analyzed query term, a term within `max_edits` edits (0–2; by default 0 up to 2 characters, 1 up to 5, else 2).",
        TextMatchNulls, MatchHint);

    /// <summary><c>match_text(field, query)</c>.</summary>
    public static QueryFunction MatchText { get; } = QueryFunction.Search(
        SearchFunctionKind.Phrase, "match_text", [new("field", ValueKinds.String), new("query", ValueKinds.String)], FunctionResult.Of(ScalarKind.Bool, ResultNullability.Never),
        Filter, TypeRule.T20,
        "Keeps the rows whose text property holds `query` as a phrase: its analyzed terms at the same relative positions.",
        TextMatchNulls, MatchHint);

    /// <summary><c>bm25(field, query)</c>.</summary>
    public static QueryFunction Bm25 { get; } = QueryFunction.Search(
        SearchFunctionKind.Bm25, "bm25", [new("field", ValueKinds.String), new("query", ValueKinds.String)], FunctionResult.Of(ScalarKind.F64, ResultNullability.Never),
        Order | FusionArm | Return, TypeRule.T20,
        "Orders the rows holding any analyzed query term by BM25 score, descending; the other rows are dropped; `limit` optional. In `return`, the row's BM25 score (the query must be ordered by the same call).",
        "a row whose property is null holds no term and is dropped", RankingHint);

    /// <summary><c>nearest(vector, query)</c>.</summary>
    public static QueryFunction Nearest { get; } = QueryFunction.Search(
        SearchFunctionKind.Nearest, "nearest", [new("vector", ValueKinds.Vector), new("query", ValueKinds.Vector | ValueKinds.List | ValueKinds.String)],
        FunctionResult.Of(ScalarKind.F64, ResultNullability.Never), Order | FusionArm | Return, TypeRule.T15,
        "Orders by distance to `query` (a Vector(N), a list of N numbers, or text to embed), ascending, and keeps the `limit` nearest rows (L2; cosine with `@metric(\"cosine\")`). In `return`, the row's distance (the query must be ordered by the same call).",
        "a row whose vector is null is never a candidate", RankingHint);

    /// <summary><c>rrf(ranking, ranking, k?)</c>.</summary>
    public static QueryFunction Rrf { get; } = QueryFunction.Search(
        SearchFunctionKind.Rrf, "rrf", [new("first", ValueKinds.Float), new("second", ValueKinds.Float), new("k", ValueKinds.Integer, IsOptional: true)],
        FunctionResult.Of(ScalarKind.F64, ResultNullability.Never), Order | Return, TypeRule.T21,
        "Reciprocal rank fusion of two rankings (`nearest(…)` or `bm25(…)`): score Σ 1/(k + rank + 1), k = 60 by default; `limit` required. In `return`, the row's fused score (the query must be ordered by the same call).",
        "as its arms", RankingHint);

    /// <summary>Every function, in the order the docs list them.</summary>
    public static ImmutableArray<QueryFunction> All { get; } =
        [Now, Lower, Upper, Trim, Length, StartsWith, Contains, Count, Sum, Avg, Min, Max, Search, Fuzzy, MatchText, Bm25, Nearest, Rrf];

    private static readonly FrozenDictionary<string, QueryFunction> s_byName = All.ToFrozenDictionary(static f => f.Name, StringComparer.Ordinal);

    /// <summary>The function called <paramref name="name"/> (names are case-sensitive).</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QueryFunction? function) =>
        s_byName.TryGetValue(name, out function);

    /// <summary>The function whose name is closest to <paramref name="name"/> (at most two edits away), for "did you mean" hints.</summary>
    public static QueryFunction? Closest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        QueryFunction? best = null;
        var bestDistance = 3;
        foreach (var function in All)
        {
            var distance = EditDistance(name.ToLowerInvariant(), function.Name);
            if (distance < bestDistance)
            {
                best = function;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
