using System.Globalization;
using System.Text.Json;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// A property's <c>@default</c> as a stored column: <c>rows</c> copies of the value in the property's Arrow type. A schema
/// apply that adds a required property with a default writes this column into every existing row; a mutation reads its
/// one-row form as the value an insert that leaves the property out assigns.
/// </summary>
public static class DefaultValueColumn
{
    private static readonly int s_epochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The column of <paramref name="rows"/> copies of <paramref name="property"/>'s default.</summary>
    /// <exception cref="ArgumentException">The property has no default.</exception>
    public static ArrowColumn Create(Property property, int rows)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var value = property.Default?.Value ?? throw new ArgumentException($"property {property.Name} has no @default", nameof(property));
        var type = property.Type;
        var builder = ArrowColumnBuilder.Create(TableLayout.ArrowTypeOf(type));
        var kind = type.IsEnum ? ScalarKind.String : type.Scalar;
        for (var row = 0; row < rows; row++)
        {
            if (type.IsList)
            {
                var list = (ListColumnBuilder)builder;
                list.StartList();
                foreach (var item in value.EnumerateArray())
                {
                    AppendScalar(list.Values, item, kind);
                }
            }
            else
            {
                AppendScalar(builder, value, kind);
            }
        }

        return builder.Build();
    }

    /// <summary>Appends one value the schema already checked (<see cref="PropertyDefault"/> holds only well-formed ones).</summary>
    private static void AppendScalar(ArrowColumnBuilder builder, JsonElement value, ScalarKind kind)
    {
        switch (kind)
        {
            case ScalarKind.String: ((Utf8ColumnBuilder)builder).Append(value.GetString()); break;
            case ScalarKind.Bool: ((BooleanColumnBuilder)builder).Append(value.GetBoolean()); break;
            case ScalarKind.I32: ((PrimitiveColumnBuilder<int>)builder).Append(value.GetInt32()); break;
            case ScalarKind.I64: ((PrimitiveColumnBuilder<long>)builder).Append(value.GetInt64()); break;
            case ScalarKind.U32: ((PrimitiveColumnBuilder<uint>)builder).Append(value.GetUInt32()); break;
            case ScalarKind.U64: ((PrimitiveColumnBuilder<ulong>)builder).Append(value.GetUInt64()); break;
            case ScalarKind.F32: ((PrimitiveColumnBuilder<float>)builder).Append((float)value.GetDouble()); break;
            case ScalarKind.F64: ((PrimitiveColumnBuilder<double>)builder).Append(value.GetDouble()); break;
            case ScalarKind.Date:
                var date = DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                ((PrimitiveColumnBuilder<int>)builder).Append(date.DayNumber - s_epochDayNumber);
                break;
            case ScalarKind.DateTime:
                var instant = DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                ((PrimitiveColumnBuilder<long>)builder).Append(instant.ToUnixTimeMilliseconds());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "a default is never a Blob or a Vector");
        }
    }
}
