using OmniGraph.Arrow;
using OmniGraph.Execution.Planning;
using OmniGraph.Execution.Runtime;
using OmniGraph.Ingest;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Results;

/// <summary>
/// Turns the matched rows into the result batch: projection (or grouping and aggregation), ordering with the total
/// order's tie-break, limit. Values are read from the variables' entity columns at the last moment, for the rows that
/// survive the limit only.
/// </summary>
internal sealed partial class ResultBuilder(QueryPlan plan, QueryExecutionContext context, PatternExecutor executor)
{
    private readonly ExpressionEvaluator _evaluator = new(context);

    private ReadQuery Query => plan.Query;

    /// <summary>Builds the result of the matched rows.</summary>
    public async Task<RecordBatch> BuildAsync(BindingTable table)
    {
        if (table.RowCount > 0)
        {
            foreach (var variable in Query.Variables)
            {
                if (variable.Depth == 0 && table.Entities[variable.Id] is { } entities && !plan.RequiredProperties[variable.Id].IsEmpty)
                {
                    await executor.EnsureColumnsAsync(entities, plan.RequiredProperties[variable.Id]);
                }
            }
        }

        var columns = Query.IsAggregate ? Aggregate(table) : Project(table);
        return new RecordBatch(Schema(), columns, columns.Length > 0 ? columns[0].Length : 0);
    }

    private ArrowSchema Schema()
    {
        var fields = new ArrowField[Query.Projections.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var projection = Query.Projections[i];
            fields[i] = new ArrowField(projection.ColumnName, TableLayout.ArrowTypeOf(projection.Type), projection.Type.IsNullable);
        }

        return new ArrowSchema(fields);
    }

    /// <summary>An empty column of a projection's type.</summary>
    private static ArrowColumn EmptyColumn(Projection projection) =>
        ArrowColumnBuilder.Create(TableLayout.ArrowTypeOf(projection.Type)).Build();

    /// <summary>Follows alias references to the expression that produces the values.</summary>
    private QueryExpression Resolve(QueryExpression expression)
    {
        while (expression is ColumnReferenceExpression reference)
        {
            expression = Query.Projections[reference.Column].Expression;
        }

        return expression;
    }
}
