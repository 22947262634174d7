using System.Collections.Immutable;
using OmniGraph.Query.Functions;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A query ordered by a search (its first order key is <c>nearest</c>, <c>bm25</c> or <c>rrf</c>): the search defines the
/// order and later keys are ignored (spec §2.5). Rows follow the rank of <see cref="Variable"/>'s entity, then the
/// query's id tie-break; <c>limit</c> truncates.
/// </summary>
public sealed class SearchOrder
{
    internal SearchOrder(FunctionCallExpression call, PatternVariable variable, ImmutableArray<SearchOrderArm> arms, QueryExpression? fusionK, long? limit)
    {
        Limit = limit;
        Call = call;
        Variable = variable;
        Arms = arms;
        FusionK = fusionK;
    }

    /// <summary>The ordering call as written.</summary>
    public FunctionCallExpression Call { get; }

    /// <summary>The node variable whose rows are ranked (every arm searches one of its properties).</summary>
    public PatternVariable Variable { get; }

    /// <summary>One arm, or the two arms of <c>rrf</c>.</summary>
    public ImmutableArray<SearchOrderArm> Arms { get; }

    /// <summary>The <c>rrf</c> constant (a literal or a parameter), or <c>null</c> for the default 60 or one arm.</summary>
    public QueryExpression? FusionK { get; }

    /// <summary>The query's <c>limit</c> (at least 1; required with <c>nearest</c> and <c>rrf</c>): the entities a nearest arm keeps and the fused cut.</summary>
    public long? Limit { get; }

    /// <summary>Whether an arm is <c>nearest</c> (then <c>limit</c> is required and alias keys are refused).</summary>
    public bool HasNearest => Arms.Any(static a => a.Kind == SearchFunctionKind.Nearest);

    /// <inheritdoc />
    public override string ToString() => Call.ToString();
}

/// <summary>One ranking: <c>bm25(field, query)</c> or <c>nearest(field, query)</c>.</summary>
/// <param name="Kind"><see cref="SearchFunctionKind.Bm25"/> or <see cref="SearchFunctionKind.Nearest"/>.</param>
/// <param name="Field">The searched property.</param>
/// <param name="Query">The query: a literal or a parameter (text, or a vector for nearest).</param>
public sealed record SearchOrderArm(SearchFunctionKind Kind, PropertyExpression Field, QueryExpression Query);
