using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Mutations.Pending;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Values;

/// <summary>Lays out pending rows as one record batch with a table's exact layout (<see cref="TableLayout"/>), ready for the write coordinator.</summary>
internal static class RowBatchWriter
{
    /// <summary>The rows as a batch laid out by <paramref name="layout"/>, in the given order.</summary>
    public static RecordBatch Write(TableLayout layout, IReadOnlyList<PendingRow> rows)
    {
        var columns = new ArrowColumn[layout.ColumnCount];
        var ids = new Utf8ColumnBuilder();
        foreach (var row in rows)
        {
            ids.Append(row.Id);
        }

        columns[TableLayout.IdColumnIndex] = ids.Build();
        if (layout.IsEdge)
        {
            var sources = new Utf8ColumnBuilder();
            var targets = new Utf8ColumnBuilder();
            foreach (var row in rows)
            {
                sources.Append(row.Source!);
                targets.Append(row.Target!);
            }

            columns[TableLayout.SourceColumnIndex] = sources.Build();
            columns[TableLayout.TargetColumnIndex] = targets.Build();
        }

        foreach (var property in layout.Type.Properties)
        {
            var column = layout.ColumnOf(property);
            var builder = ArrowColumnBuilder.Create(layout.Schema.Fields[column].Type);
            foreach (var row in rows)
            {
                Append(builder, row.Values[property.Ordinal], property.Type);
            }

            columns[column] = builder.Build();
        }

        return new RecordBatch(layout.Schema, columns, rows.Count);
    }

    private static void Append(ArrowColumnBuilder builder, FieldValue field, PropertyType type)
    {
        if (field.IsNull)
        {
            builder.AppendNull();
            return;
        }

        switch (type.Kind)
        {
            case PropertyTypeKind.Enum:
                ((Utf8ColumnBuilder)builder).Append(field.Value.AsString());
                return;
            case PropertyTypeKind.Vector:
                ((FixedSizeListColumnBuilder)builder).AppendValues(field.Value.AsVector());
                return;
            case PropertyTypeKind.List:
                var list = (ListColumnBuilder)builder;
                list.StartList();
                foreach (var item in field.Value.AsList())
                {
                    AppendScalar(list.Values, item, type.Scalar);
                }

                return;
            default:
                if (type.Scalar == ScalarKind.Blob)
                {
                    ((BinaryColumnBuilder)builder).Append(field.Blob);
                }
                else
                {
                    AppendScalar(builder, field.Value, type.Scalar);
                }

                return;
        }
    }

    /// <summary>Appends a non-null scalar of kind <paramref name="kind"/> (already of that kind).</summary>
    public static void AppendScalar(ArrowColumnBuilder builder, QueryValue value, ScalarKind kind)
    {
        switch (kind)
        {
            case ScalarKind.String: ((Utf8ColumnBuilder)builder).Append(value.AsString()); break;
            case ScalarKind.Bool: ((BooleanColumnBuilder)builder).Append(value.AsBool()); break;
            case ScalarKind.I32: ((PrimitiveColumnBuilder<int>)builder).Append(value.AsInt32()); break;
            case ScalarKind.I64: ((PrimitiveColumnBuilder<long>)builder).Append(value.AsInt64()); break;
            case ScalarKind.U32: ((PrimitiveColumnBuilder<uint>)builder).Append(value.AsUInt32()); break;
            case ScalarKind.U64: ((PrimitiveColumnBuilder<ulong>)builder).Append(value.AsUInt64()); break;
            case ScalarKind.F32: ((PrimitiveColumnBuilder<float>)builder).Append(value.AsFloat32()); break;
            case ScalarKind.F64: ((PrimitiveColumnBuilder<double>)builder).Append(value.AsFloat64()); break;
            case ScalarKind.Date: ((PrimitiveColumnBuilder<int>)builder).Append(value.AsDate()); break;
            case ScalarKind.DateTime: ((PrimitiveColumnBuilder<long>)builder).Append(value.AsDateTime()); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar kind with a query value");
        }
    }
}
