using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Hosting;
using OmniGraph.Execution.Planning;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Query.Values;
using OmniGraph.Schema;
using OmniGraph.Search;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// Everything one execution reads: the pinned snapshot (its table versions are the only versions read), the bound
/// parameter values, the grain factory, the limits and the caller's cancellation token (handed to every grain call and
/// checked by every loop over rows).
/// </summary>
internal sealed class QueryExecutionContext(
    IGrainFactory grains,
    string graphId,
    GraphSnapshot snapshot,
    QueryParameterValues values,
    QueryExecutionOptions options,
    TextEmbedder embedder,
    CancellationToken cancellationToken)
{
    /// <summary>Embeds the text query of <c>nearest($v.p, "text")</c> (the configured provider, spec §2.6.1).</summary>
    public TextEmbedder Embedder { get; } = embedder;

    /// <summary>The caller's token: the query stops at the next grain call or loop check once it is cancelled.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public GraphSnapshot Snapshot { get; } = snapshot;

    public QueryParameterValues Values { get; } = values;

    /// <summary>What function kernels read besides their arguments (the execution's <c>now()</c>).</summary>
    public FunctionContext Functions { get; } = FunctionContext.Of(values);

    /// <summary>The version of a type's table in the pinned snapshot.</summary>
    public TableVersionRef TableOf(GraphElementType type) => Snapshot.GetTable(type.TableName);

    /// <summary>The grain that serves a table version (the grain of the chain holding it keeps it warm).</summary>
    public ITableBranchGrain Grain(TableVersionRef version) =>
        grains.GetGrain<ITableBranchGrain>(GraphGrainKeys.TableBranch(graphId, version.Table, version.ChainBranch));

    /// <summary>The value of a constant: a literal, a parameter or a call of constants (<c>now()</c>).</summary>
    public QueryValue Evaluate(QueryExpression constant) => ConstantEvaluator.Evaluate(constant, Values, Functions);

    /// <summary>The column predicates of pushed-down filters, or <c>null</c> when one compares with NULL (matches nothing).</summary>
    public ImmutableArray<ColumnPredicate>? Predicates(ImmutableArray<PushdownFilter> filters)
    {
        if (filters.IsDefaultOrEmpty)
        {
            return [];
        }

        var predicates = ImmutableArray.CreateBuilder<ColumnPredicate>(filters.Length);
        foreach (var filter in filters)
        {
            var value = Evaluate(filter.Constant);
            if (value.IsNull)
            {
                return null;
            }

            predicates.Add(new ColumnPredicate(filter.Column, filter.Operator, ToPredicateValue(value)) { MaxEdits = MaxEditsOf(filter) });
        }

        return predicates.MoveToImmutable();
    }

    /// <summary>The edit budget of a fuzzy match: its constant (0 to 2), or <c>null</c> for the budget by term length.</summary>
    private int? MaxEditsOf(PushdownFilter filter)
    {
        if (filter.MaxEdits is not { } constant || Evaluate(constant) is { IsNull: true })
        {
            return null;
        }

        var edits = Evaluate(constant).AsInteger();
        if (edits < 0 || edits > SearchLimits.MaxFuzzyEdits)
        {
            throw new OmniGraphException(ErrorCodes.SearchFuzzyEditsInvalid, $"T19: fuzzy()'s max_edits is 0, 1 or 2, got {edits}.");
        }

        return (int)edits;
    }

    /// <summary>Fails the query when an operator would hold more rows than allowed.</summary>
    public void CheckRows(long rows)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (rows > options.MaxIntermediateRows)
        {
            throw EngineErrors.ResourceLimitExceeded("query intermediate rows", options.MaxIntermediateRows, rows);
        }
    }

    private static PredicateValue ToPredicateValue(QueryValue value) => value.Kind switch
    {
        QueryValueKind.Bool => PredicateValue.FromBool(value.AsBool()),
        QueryValueKind.I32 or QueryValueKind.I64 or QueryValueKind.U32 or QueryValueKind.U64 => PredicateValue.FromInteger(value.AsInteger()),
        QueryValueKind.F32 or QueryValueKind.F64 => PredicateValue.FromFloat(value.AsDouble()),
        QueryValueKind.String => PredicateValue.FromString(value.AsString()),
        QueryValueKind.Date => PredicateValue.FromDate(value.AsDate()),
        QueryValueKind.DateTime => PredicateValue.FromDateTime(value.AsDateTime()),
        _ => throw new InvalidOperationException($"a {value.Kind} value cannot be compared with a column"),
    };
}
