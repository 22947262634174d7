using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Search;

namespace OmniGraph.Execution.Runtime;

internal sealed partial class PatternExecutor
{
    /// <summary>
    /// The table-read form of a search ordering: each arm's query evaluated (a text query of <c>nearest</c> embedded by
    /// the configured provider at the property's dimension), the limit and the rrf constant checked.
    /// </summary>
    private async Task<SearchRanking> RankingAsync(SearchOrder search, bool cutAtLimit)
    {
        int? limit = null;
        if (search.Limit is { } queryLimit)
        {
            // The type checker refused limit 0 with a search ordering; a huge limit is every row anyway.
            limit = (int)Math.Min(queryLimit, int.MaxValue);
        }

        var arms = ImmutableArray.CreateBuilder<SearchArm>(search.Arms.Length);
        foreach (var arm in search.Arms)
        {
            var query = context.Evaluate(arm.Query);
            var column = arm.Field.Property.Name;
            if (arm.Kind == SearchFunctionKind.Bm25)
            {
                arms.Add(SearchArm.Bm25(column, query.IsNull ? string.Empty : query.AsString()));
                continue;
            }

            arms.Add(SearchArm.Nearest(column, await QueryVectorAsync(arm.Field, query)));
        }

        int? fusionK = null;
        if (search.Arms.Length == 2)
        {
            var k = search.FusionK is { } constant ? context.Evaluate(constant) : QueryValue.Null;
            if (!k.IsNull && (k.AsInteger() < 1 || k.AsInteger() > int.MaxValue))
            {
                throw new OmniGraphException(ErrorCodes.SearchRrfKInvalid, $"T21: the rrf constant k must be a positive integer, got {k}.");
            }

            fusionK = k.IsNull ? ReciprocalRankFusion.DefaultK : (int)k.AsInteger();
        }

        // A lone bm25 ranking keeps every match unless nothing after the read can drop rows (then the limit cuts it).
        var armLimit = search.Arms.Length == 1 && search.Arms[0].Kind == SearchFunctionKind.Bm25 && !cutAtLimit ? null : limit;
        // rrf over rows that later traversals fan out is fused by the result builder, where an entity's rank in an arm is
        // the position of its first row among the arm's result rows (spec §2.6); alone, a row is its entity.
        return new SearchRanking(arms.MoveToImmutable(), armLimit, fusionK) { SeparateArms = search.Arms.Length == 2 && !cutAtLimit };
    }

    /// <summary>The query vector of a nearest arm: a Vector value, a list of numbers, or text embedded at query time.</summary>
    private async Task<ImmutableArray<float>> QueryVectorAsync(PropertyExpression field, QueryValue query)
    {
        var dimension = field.Property.Type.VectorDimension;
        switch (query.Kind)
        {
            case QueryValueKind.Vector:
                return [.. query.AsVector()];
            case QueryValueKind.List:
                var items = query.AsList();
                var vector = new float[items.Length];
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] = items[i].Kind is QueryValueKind.F32 or QueryValueKind.F64 ? (float)items[i].AsDouble() : (float)items[i].AsInteger();
                }

                return [.. vector];
            case QueryValueKind.String:
                var embedded = await context.Embedder.EmbedQueryAsync(query.AsString(), dimension, field.Property.Embed?.Model, context.CancellationToken);
                return [.. embedded];
            case QueryValueKind.Null:
                throw new OmniGraphException(ErrorCodes.SearchVectorDimensionMismatch, $"T15: nearest() on `{field}` needs a query vector of {dimension} components, got null.");
            default:
                throw new OmniGraphException(ErrorCodes.SearchVectorDimensionMismatch, $"T15: nearest() on `{field}` needs a Vector({dimension}), a list of numbers or text, got a {query.Kind} value.");
        }
    }
}
