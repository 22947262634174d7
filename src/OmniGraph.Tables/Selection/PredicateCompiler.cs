using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Ingest;

namespace OmniGraph.Tables.Selection;

/// <summary>Binds requested <see cref="ColumnPredicate"/>s to a table layout, picking the kernel for each column type.</summary>
internal static class PredicateCompiler
{
    /// <summary>Compiles every predicate of a conjunction.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: An unknown column, or an operator or constant the column type cannot answer.</exception>
    public static RowFilter Compile(TableLayout layout, IReadOnlyList<ColumnPredicate> predicates)
    {
        if (predicates.Count == 0)
        {
            return RowFilter.None;
        }

        var compiled = new CompiledPredicate[predicates.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Compile(layout, predicates[i] ?? throw EngineErrors.InvalidTableRequest(layout.TableName, "a filter is null"));
        }

        return new RowFilter(compiled);
    }

    /// <summary>Compiles one predicate.</summary>
    public static CompiledPredicate Compile(TableLayout layout, ColumnPredicate predicate)
    {
        var index = layout.Schema.GetFieldIndex(predicate.Column);
        if (index < 0)
        {
            throw EngineErrors.InvalidTableRequest(layout.TableName, $"it has no column '{predicate.Column}'");
        }

        return Compile(layout.TableName, index, layout.Schema.Fields[index].Type, predicate);
    }

    private static CompiledPredicate Compile(string table, int index, ArrowType type, ColumnPredicate predicate)
    {
        var op = predicate.Operator;
        var value = predicate.Value ?? throw EngineErrors.InvalidTableRequest(table, $"filter on '{predicate.Column}' has no value");
        var ordering = op <= ColumnPredicateOperator.GreaterOrEqual;
        switch (type.Id)
        {
            case ArrowTypeId.Utf8 when value.Kind == PredicateValueKind.String && op != ColumnPredicateOperator.ListContains:
                return new StringPredicate(index, predicate);
            case ArrowTypeId.Boolean when value.Kind == PredicateValueKind.Bool && ordering:
                return new BoolPredicate(index, predicate);
            case ArrowTypeId.Int32 when ordering && IsNumeric(value):
                return new IntegerPredicate<int>(index, predicate, NumericTest(op, value));
            case ArrowTypeId.Int64 when ordering && IsNumeric(value):
                return new IntegerPredicate<long>(index, predicate, NumericTest(op, value));
            case ArrowTypeId.UInt32 when ordering && IsNumeric(value):
                return new IntegerPredicate<uint>(index, predicate, NumericTest(op, value));
            case ArrowTypeId.UInt64 when ordering && IsNumeric(value):
                return new IntegerPredicate<ulong>(index, predicate, NumericTest(op, value));
            case ArrowTypeId.Date32 when ordering && value.Kind == PredicateValueKind.Date:
                return new IntegerPredicate<int>(index, predicate, IntegerTest.For(op, (Int128)value.Low));
            case ArrowTypeId.Timestamp when ordering && value.Kind == PredicateValueKind.DateTime:
                return new IntegerPredicate<long>(index, predicate, IntegerTest.For(op, (Int128)value.Low));
            case ArrowTypeId.Float32 when ordering && IsNumeric(value):
                return value.Kind == PredicateValueKind.Float
                    ? new FloatPredicate<float>(index, predicate, value.AsFloat())
                    : new FloatPredicate<float>(index, predicate, value.AsInteger());
            case ArrowTypeId.Float64 when ordering && IsNumeric(value):
                return value.Kind == PredicateValueKind.Float
                    ? new FloatPredicate<double>(index, predicate, value.AsFloat())
                    : new FloatPredicate<double>(index, predicate, value.AsInteger());
            case ArrowTypeId.List when op == ColumnPredicateOperator.ListContains:
                var element = Compile(table, index, type.ValueType, predicate with { Operator = ColumnPredicateOperator.Equal });
                return new ListContainsPredicate(index, predicate, element);
            default:
                throw EngineErrors.InvalidTableRequest(table, $"filter '{predicate}' does not apply to column '{predicate.Column}' of type {type}");
        }
    }

    private static bool IsNumeric(PredicateValue value) => value.Kind is PredicateValueKind.Integer or PredicateValueKind.Float;

    private static IntegerTest NumericTest(ColumnPredicateOperator op, PredicateValue value) =>
        value.Kind == PredicateValueKind.Integer ? IntegerTest.For(op, value.AsInteger()) : IntegerTest.For(op, value.AsFloat());
}
