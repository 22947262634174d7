using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using OmniGraph.Arrow.Ipc.Reading;
using OmniGraph.Arrow.Ipc.Writing;

namespace OmniGraph.Arrow;

/// <summary>One column (or list child) of flattened Arrow data: its length and null count.</summary>
/// <param name="Length">Number of slots.</param>
/// <param name="NullCount">Number of null slots.</param>
public readonly record struct ArrowNode(int Length, int NullCount);

/// <summary>
/// Arrow data as its parts: a schema as bytes, and columns as nodes and buffers in the order the Arrow format lays them
/// out (per node: validity, then offsets or values, then data; list children after their parent). What a serializer
/// needs to move columns between processes without per-value work: <see cref="Flatten"/> hands out the columns' own
/// buffers (copying only a slice whose bitmap starts mid-byte or whose offsets do not start at zero), and
/// <see cref="Assemble"/> builds columns straight over received buffers, checking only that each buffer is large enough
/// for the declared lengths. The IPC writer uses the same flattening.
/// </summary>
public static class ArrowColumnParts
{
    /// <summary>The schema as an Arrow IPC Schema table (FlatBuffers bytes).</summary>
    public static byte[] EncodeSchema(ArrowSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new FlatBufferBuilder();
        return builder.Finish(SchemaEncoder.WriteSchema(builder, schema));
    }

    /// <summary>Reads a schema written by <see cref="EncodeSchema"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c> or <c>arrow_unsupported</c>: the bytes are no schema this implementation reads.</exception>
    public static ArrowSchema DecodeSchema(ReadOnlySpan<byte> bytes) =>
        SchemaDecoder.Decode(FlatTable.GetRoot(bytes, "Schema"), ArrowType.MaxNestingDepth);

    /// <summary>Appends the nodes and buffers of <paramref name="column"/> (and its children) in format order.</summary>
    public static void Flatten(ArrowColumn column, ICollection<ArrowNode> nodes, ICollection<ReadOnlyMemory<byte>> buffers)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(buffers);
        nodes.Add(new ArrowNode(column.Length, column.NullCount));
        buffers.Add(column.NullCount == 0
            ? ReadOnlyMemory<byte>.Empty
            : Bits(column.ValidityMemory, column.ValidityBitOffset, column.Length));

        switch (column)
        {
            case BooleanColumn booleans:
                buffers.Add(Bits(booleans.ValueMemory, booleans.ValueBitOffset, booleans.Length));
                break;
            case VariableBinaryColumn binary:
            {
                var (offsets, first, last) = OffsetBuffers.ZeroBased(binary.OffsetMemory);
                buffers.Add(offsets);
                buffers.Add(binary.DataMemory[first..last]);
                break;
            }

            case ListColumn list:
            {
                var (offsets, first, last) = OffsetBuffers.ZeroBased(list.OffsetMemory);
                buffers.Add(offsets);
                Flatten(list.Values.Slice(first, last - first), nodes, buffers);
                break;
            }

            case FixedSizeListColumn fixedSizeList:
                Flatten(fixedSizeList.Values, nodes, buffers);
                break;
            default:
                buffers.Add(PrimitiveValues(column));
                break;
        }
    }

    /// <summary>
    /// Builds the column of <paramref name="type"/> from the nodes and buffers at <paramref name="nextNode"/> and
    /// <paramref name="nextBuffer"/> (both advanced past what it used). The column is a view over the buffers.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>: too few nodes or buffers, or a buffer too small for its node.</exception>
    public static ArrowColumn Assemble(ArrowType type, ReadOnlySpan<ArrowNode> nodes, ReadOnlySpan<ReadOnlyMemory<byte>> buffers, ref int nextNode, ref int nextBuffer)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (nextNode >= nodes.Length)
        {
            ThrowHelper.ThrowInvalidFile($"no node left for a column of type {type}");
        }

        var (length, nullCount) = nodes[nextNode++];
        if (length < 0 || nullCount < 0 || nullCount > length)
        {
            ThrowHelper.ThrowInvalidFile($"a node declares length {length} with {nullCount} nulls");
        }

        var validity = Next(buffers, ref nextBuffer, nullCount == 0 ? 0 : BitUtility.BytesForBits(length), type);
        switch (type.Id)
        {
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
                return new PrimitiveColumn<int>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(int), type), validity, 0, nullCount);
            case ArrowTypeId.Int64:
            case ArrowTypeId.Timestamp:
                return new PrimitiveColumn<long>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(long), type), validity, 0, nullCount);
            case ArrowTypeId.UInt32:
                return new PrimitiveColumn<uint>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(uint), type), validity, 0, nullCount);
            case ArrowTypeId.UInt64:
                return new PrimitiveColumn<ulong>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(ulong), type), validity, 0, nullCount);
            case ArrowTypeId.Float32:
                return new PrimitiveColumn<float>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(float), type), validity, 0, nullCount);
            case ArrowTypeId.Float64:
                return new PrimitiveColumn<double>(type, length, Next(buffers, ref nextBuffer, (long)length * sizeof(double), type), validity, 0, nullCount);
            case ArrowTypeId.Boolean:
                return new BooleanColumn(length, Next(buffers, ref nextBuffer, BitUtility.BytesForBits(length), type), 0, validity, 0, nullCount);
            case ArrowTypeId.Utf8:
            case ArrowTypeId.Binary:
            {
                var offsets = Next(buffers, ref nextBuffer, ((long)length + 1) * sizeof(int), type);
                var data = Next(buffers, ref nextBuffer, 0, type);
                return type.Id == ArrowTypeId.Utf8
                    ? new Utf8Column(length, offsets, data, validity, 0, nullCount)
                    : new BinaryColumn(length, offsets, data, validity, 0, nullCount);
            }

            case ArrowTypeId.List:
            {
                var offsets = Next(buffers, ref nextBuffer, ((long)length + 1) * sizeof(int), type);
                var values = Assemble(type.ValueType, nodes, buffers, ref nextNode, ref nextBuffer);
                return new ListColumn(type, length, offsets, values, validity, 0, nullCount);
            }

            case ArrowTypeId.FixedSizeList:
            {
                var values = Assemble(type.ValueType, nodes, buffers, ref nextNode, ref nextBuffer);
                if (values.Length < (long)length * type.ListSize)
                {
                    ThrowHelper.ThrowInvalidFile($"a {type} column of {length} lists has {values.Length} child values");
                }

                return new FixedSizeListColumn(type, length, values, validity, 0, nullCount);
            }

            default:
                return ThrowHelper.ThrowUnsupported<ArrowColumn>($"columns of type {type} are not supported");
        }
    }

    private static ReadOnlyMemory<byte> Next(ReadOnlySpan<ReadOnlyMemory<byte>> buffers, ref int nextBuffer, long minimumLength, ArrowType type)
    {
        if (nextBuffer >= buffers.Length)
        {
            ThrowHelper.ThrowInvalidFile($"no buffer left for a column of type {type}");
        }

        var buffer = buffers[nextBuffer++];
        if (buffer.Length < minimumLength)
        {
            ThrowHelper.ThrowInvalidFile($"a buffer of a {type} column holds {buffer.Length} bytes where {minimumLength} are needed");
        }

        return buffer;
    }

    private static ReadOnlyMemory<byte> PrimitiveValues(ArrowColumn column) => column switch
    {
        PrimitiveColumn<int> c => c.ValueMemory,
        PrimitiveColumn<long> c => c.ValueMemory,
        PrimitiveColumn<uint> c => c.ValueMemory,
        PrimitiveColumn<ulong> c => c.ValueMemory,
        PrimitiveColumn<float> c => c.ValueMemory,
        PrimitiveColumn<double> c => c.ValueMemory,
        _ => throw new ArgumentException($"Column of type {column.Type} is not writable.", nameof(column)),
    };

    /// <summary>A bitmap whose bit 0 is the column's slot 0: the source bytes when byte-aligned, else a shifted copy.</summary>
    private static ReadOnlyMemory<byte> Bits(ReadOnlyMemory<byte> source, int bitOffset, int length)
    {
        var byteLength = (int)BitUtility.BytesForBits(length);
        if ((bitOffset & 7) == 0)
        {
            return source.Slice(bitOffset >> 3, byteLength);
        }

        var copy = new byte[byteLength];
        BitUtility.CopyBits(source.Span, bitOffset, copy, 0, length);
        return copy;
    }
}
