using System.Runtime.InteropServices;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// The canonical bytes of a tuple of column values, for <c>@unique</c> indexes: equal tuples encode equally, different
/// ones differently (variable-length values are length-prefixed, so concatenations cannot collide). A null member
/// makes the tuple exempt: it has no encoding.
/// </summary>
internal static class TupleEncoding
{
    /// <summary>Appends the value of <paramref name="column"/> at <paramref name="row"/>; <c>false</c> when it is null.</summary>
    public static bool TryAppend(ArrowColumn column, int row, ByteScratch scratch)
    {
        if (column.IsNull(row))
        {
            return false;
        }

        switch (column)
        {
            case VariableBinaryColumn binary:
                var bytes = binary.GetBytes(row);
                scratch.AppendInt32(bytes.Length);
                scratch.Append(bytes);
                return true;
            case BooleanColumn boolean:
                scratch.AppendByte(boolean.GetValue(row) ? (byte)1 : (byte)0);
                return true;
            case PrimitiveColumn<int> int32:
                scratch.Append(MemoryMarshal.AsBytes(int32.Values.Slice(row, 1)));
                return true;
            case PrimitiveColumn<long> int64:
                scratch.Append(MemoryMarshal.AsBytes(int64.Values.Slice(row, 1)));
                return true;
            case PrimitiveColumn<uint> uint32:
                scratch.Append(MemoryMarshal.AsBytes(uint32.Values.Slice(row, 1)));
                return true;
            case PrimitiveColumn<ulong> uint64:
                scratch.Append(MemoryMarshal.AsBytes(uint64.Values.Slice(row, 1)));
                return true;
            case PrimitiveColumn<float> float32:
                scratch.Append(MemoryMarshal.AsBytes(float32.Values.Slice(row, 1)));
                return true;
            case PrimitiveColumn<double> float64:
                scratch.Append(MemoryMarshal.AsBytes(float64.Values.Slice(row, 1)));
                return true;
            case ListColumn list:
                var (start, length) = list.GetValueRange(row);
                scratch.AppendInt32(length);
                for (var i = 0; i < length; i++)
                {
                    if (!TryAppend(list.Values, start + i, scratch))
                    {
                        scratch.AppendByte(0xFF);
                    }
                }

                return true;
            case FixedSizeListColumn fixedList:
                var size = fixedList.ListSize;
                for (var i = 0; i < size; i++)
                {
                    if (!TryAppend(fixedList.Values, (row * size) + i, scratch))
                    {
                        scratch.AppendByte(0xFF);
                    }
                }

                return true;
            default:
                throw new NotSupportedException($"@unique over a {column.Type} column is not supported");
        }
    }

    /// <summary>Encodes the tuple of <paramref name="columns"/> at <paramref name="row"/>; <c>false</c> when a member is null.</summary>
    public static bool TryEncode(ReadOnlySpan<ArrowColumn> columns, int row, ByteScratch scratch)
    {
        scratch.Reset();
        foreach (var column in columns)
        {
            if (!TryAppend(column, row, scratch))
            {
                return false;
            }
        }

        return true;
    }
}
