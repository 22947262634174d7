using System.Buffers;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// Renders stored values in the canonical text the intake uses for ids and unique tuples, so that rows read back
/// from fragments (committed data) can be compared with a load's <see cref="TableIntakeSummary.Ids"/> and
/// <see cref="UniqueValueIndex"/> byte for byte.
/// </summary>
/// <remarks>
/// A value's text: String and enum as is, integers in decimal, Bool <c>true</c>/<c>false</c>, Date the epoch-day
/// integer, DateTime the epoch-millisecond integer, floats the shortest round-trip spelling at the stored width
/// without exponent or trailing <c>.0</c> (<c>-0</c> is <c>0</c>). A node id is the text of its single key member, or
/// a JSON array of the members' texts ordered by stable property id (<c>["acme","42"]</c>); a unique tuple is built
/// the same way from the constraint's columns in written order (edges may use <c>src</c>/<c>dst</c>).
/// </remarks>
public static class CanonicalKeys
{
    [ThreadStatic]
    private static ByteBuffer? s_scratch;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_component;

    /// <summary>Writes the canonical text of the value at <paramref name="row"/>; <c>false</c> (nothing written) for null.</summary>
    /// <exception cref="ArgumentException">The type has no canonical text (lists, vectors, blobs).</exception>
    public static bool TryWriteValue(ArrowColumn column, int row, PropertyType type, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(destination);
        if (type.Kind is PropertyTypeKind.List or PropertyTypeKind.Vector || type.IsBlob)
        {
            throw new ArgumentException($"{type.DisplayName} values have no canonical key text", nameof(type));
        }

        if (column.IsNull(row))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[CanonicalText.MaxFloatLength];
        int length;
        switch (type.Kind == PropertyTypeKind.Enum ? ScalarKind.String : type.Scalar)
        {
            case ScalarKind.String:
                destination.Write(((Utf8Column)column).GetBytes(row));
                return true;
            case ScalarKind.Bool:
                length = CanonicalText.WriteBoolean(((BooleanColumn)column).GetValue(row), buffer);
                break;
            case ScalarKind.I32:
            case ScalarKind.Date:
                length = CanonicalText.WriteInt64(((PrimitiveColumn<int>)column).GetValue(row), buffer);
                break;
            case ScalarKind.I64:
            case ScalarKind.DateTime:
                length = CanonicalText.WriteInt64(((PrimitiveColumn<long>)column).GetValue(row), buffer);
                break;
            case ScalarKind.U32:
                length = CanonicalText.WriteUInt64(((PrimitiveColumn<uint>)column).GetValue(row), buffer);
                break;
            case ScalarKind.U64:
                length = CanonicalText.WriteUInt64(((PrimitiveColumn<ulong>)column).GetValue(row), buffer);
                break;
            case ScalarKind.F32:
                length = CanonicalText.WriteFloat(((PrimitiveColumn<float>)column).GetValue(row), isSingle: true, buffer);
                break;
            default:
                length = CanonicalText.WriteFloat(((PrimitiveColumn<double>)column).GetValue(row), isSingle: false, buffer);
                break;
        }

        destination.Write(buffer[..length]);
        return true;
    }

    /// <summary>Writes the id a keyed node row must have (rendered from its key columns).</summary>
    /// <exception cref="ArgumentException">The type has no <c>@key</c>, or the batch is not laid out for it.</exception>
    public static void WriteNodeId(NodeType type, RecordBatch batch, int row, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(batch);
        if (!type.HasKey)
        {
            throw new ArgumentException($"node {type.Name} has no @key", nameof(type));
        }

        var layout = CheckLayout(type, batch);
        var members = type.KeyProperties;
        if (!WriteTuple(members.Length, i => (batch.Column(layout.ColumnOf(members[i])), members[i].Type), row, destination))
        {
            throw new ArgumentException($"a key member of node {type.Name} is null at row {row}", nameof(batch));
        }
    }

    /// <summary>Writes a row's tuple for a <c>@unique</c> constraint; <c>false</c> (nothing written) when a member is null (exempt).</summary>
    /// <exception cref="ArgumentException">The batch is not laid out for the constraint's type.</exception>
    public static bool TryWriteUniqueTuple(UniqueConstraint constraint, RecordBatch batch, int row, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(batch);
        var type = constraint.Owner;
        var layout = CheckLayout(type, batch);
        var columns = constraint.Columns;
        return WriteTuple(
            columns.Length,
            i => columns[i] switch
            {
                TableLayout.SourceColumnName when layout.IsEdge => (batch.Column(TableLayout.SourceColumnIndex), PropertyType.Of(ScalarKind.String)),
                TableLayout.TargetColumnName when layout.IsEdge => (batch.Column(TableLayout.TargetColumnIndex), PropertyType.Of(ScalarKind.String)),
                var name => (batch.Column(layout.ColumnOf(type.GetProperty(name))), type.GetProperty(name).Type),
            },
            row,
            destination);
    }

    /// <summary>The canonical text of a float64 (for example <c>1</c>, <c>0.1</c>, <c>1000000000000000000000</c>).</summary>
    public static string FormatFloat64(double value) =>
        double.IsFinite(value) ? CanonicalText.FormatFloat(value, isSingle: false) : throw new ArgumentOutOfRangeException(nameof(value), value, "keys are finite");

    /// <summary>The canonical text of a float32, shortest at 32-bit width (<c>0.1f</c> is <c>0.1</c>).</summary>
    public static string FormatFloat32(float value) =>
        float.IsFinite(value) ? CanonicalText.FormatFloat(value, isSingle: true) : throw new ArgumentOutOfRangeException(nameof(value), value, "keys are finite");

    private static TableLayout CheckLayout(GraphElementType type, RecordBatch batch)
    {
        var layout = TableLayout.For(type);
        if (!layout.Schema.Equals(batch.Schema))
        {
            throw new ArgumentException($"the batch is not laid out as {type.TableName}", nameof(batch));
        }

        return layout;
    }

    private static bool WriteTuple(int count, Func<int, (ArrowColumn Column, PropertyType Type)> member, int row, IBufferWriter<byte> destination)
    {
        if (count == 1)
        {
            var (column, type) = member(0);
            return TryWriteValue(column, row, type, destination);
        }

        var scratch = s_scratch ??= new ByteBuffer();
        var component = s_component ??= new ArrayBufferWriter<byte>();
        scratch.Clear();
        scratch.Append((byte)'[');
        for (var i = 0; i < count; i++)
        {
            var (column, type) = member(i);
            component.ResetWrittenCount();
            if (!TryWriteValue(column, row, type, component))
            {
                return false;
            }

            if (i > 0)
            {
                scratch.Append((byte)',');
            }

            CanonicalText.AppendJsonString(component.WrittenSpan, scratch);
        }

        scratch.Append((byte)']');
        destination.Write(scratch.WrittenSpan);
        return true;
    }
}
