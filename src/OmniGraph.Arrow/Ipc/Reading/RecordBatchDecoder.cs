using System.Runtime.InteropServices;
using System.Text.Unicode;
using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc.Reading;

/// <summary>
/// Turns a RecordBatch message into columns that point straight into the input memory (no copy). Everything
/// the metadata declares is checked against the real buffers first: node and buffer counts match the schema,
/// every buffer lies in the body, buffers are large enough for the declared lengths, null counts agree with the
/// bitmaps, offsets are non-decreasing and in range, and Utf8 data is valid UTF-8 (unless disabled). Work is
/// proportional to the bytes present, so a huge declared length is rejected without allocating for it.
/// </summary>
internal sealed class RecordBatchDecoder
{
    // Offsets of an empty variable-length column whose writer sent no offsets buffer at all (allowed by the format).
    private static readonly byte[] s_singleZeroOffset = new byte[sizeof(int)];

    private readonly ReadOnlyMemory<byte> _input;
    private readonly int _bodyStart;
    private readonly int _bodyLength;
    private readonly (long Length, long NullCount)[] _nodes;
    private readonly (long Offset, long Length)[] _buffers;
    private readonly bool _validateUtf8;
    private int _nextNode;
    private int _nextBuffer;

    private RecordBatchDecoder(ReadOnlyMemory<byte> input, IpcMessage message, (long, long)[] nodes, (long, long)[] buffers, bool validateUtf8)
    {
        _input = input;
        _bodyStart = message.BodyStart;
        _bodyLength = message.BodyLength;
        _nodes = nodes;
        _buffers = buffers;
        _validateUtf8 = validateUtf8;
    }

    public static RecordBatch Decode(ReadOnlyMemory<byte> input, IpcMessage message, ArrowSchema schema, ArrowReadOptions options)
    {
        if (message.HeaderType != MessageHeaderIds.RecordBatch)
        {
            if (message.HeaderType == MessageHeaderIds.DictionaryBatch)
            {
                ThrowHelper.ThrowUnsupported("Dictionary batches are not supported.");
            }

            ThrowHelper.ThrowInvalidFile($"Expected a RecordBatch message at {message.Start}, found header type {message.HeaderType}.");
        }

        var metadata = message.GetMetadata(input.Span);
        var messageTable = FlatTable.GetRoot(metadata, "Message");
        if (!messageTable.TryGetTable(MessageSlots.Header, "RecordBatch", out var header))
        {
            ThrowHelper.ThrowInvalidFile($"The RecordBatch message at {message.Start} has no header.");
        }

        var length = header.GetInt64(RecordBatchSlots.Length, 0);
        if (length < 0 || length > int.MaxValue)
        {
            ThrowHelper.ThrowInvalidFile($"The record batch at {message.Start} declares {length} rows.");
        }

        if (header.HasField(RecordBatchSlots.Compression))
        {
            ThrowHelper.ThrowUnsupported("Compressed record batch bodies are not supported.");
        }

        var nodes = ReadPairs(header, RecordBatchSlots.Nodes, FieldNodeSize);
        var buffers = ReadPairs(header, RecordBatchSlots.Buffers, BufferSize);
        var decoder = new RecordBatchDecoder(input, message, nodes, buffers, options.ValidateUtf8);
        var columns = new ArrowColumn[schema.FieldCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = decoder.DecodeColumn(schema.Fields[i], (int)length);
        }

        if (decoder._nextNode != nodes.Length || decoder._nextBuffer != buffers.Length)
        {
            ThrowHelper.ThrowInvalidFile(
                $"The record batch at {message.Start} has {nodes.Length} field nodes and {buffers.Length} buffers; the schema uses {decoder._nextNode} and {decoder._nextBuffer}.");
        }

        return new RecordBatch(schema, columns, (int)length);
    }

    private static (long, long)[] ReadPairs(FlatTable header, int slot, int structSize)
    {
        if (!header.TryGetVector(slot, structSize, out var vector))
        {
            return [];
        }

        var pairs = new (long, long)[vector.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (vector.GetStructInt64(i, 0), vector.GetStructInt64(i, sizeof(long)));
        }

        return pairs;
    }

    /// <param name="field">The field the next node describes.</param>
    /// <param name="expectedLength">The exact length required (top level: the batch length), or -1 when any length is acceptable.</param>
    private ArrowColumn DecodeColumn(ArrowField field, int expectedLength)
    {
        if (_nextNode >= _nodes.Length)
        {
            ThrowHelper.ThrowInvalidFile($"The record batch has too few field nodes for field '{field.Name}'.");
        }

        var (nodeLength, nodeNulls) = _nodes[_nextNode++];
        if (nodeLength < 0 || nodeLength > int.MaxValue || nodeNulls < 0 || nodeNulls > nodeLength)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' declares length {nodeLength} with {nodeNulls} nulls.");
        }

        if (expectedLength >= 0 && nodeLength != expectedLength)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' has {nodeLength} values where {expectedLength} are required.");
        }

        var length = (int)nodeLength;
        var nullCount = (int)nodeNulls;
        if (nullCount > 0 && !field.IsNullable)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' is not nullable but declares {nullCount} nulls.");
        }

        var validity = ReadValidity(field, length, nullCount);
        var type = field.Type;
        switch (type.Id)
        {
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
                return new PrimitiveColumn<int>(type, length, ReadFixedWidth(field, length, sizeof(int)), validity, 0, nullCount);
            case ArrowTypeId.Int64:
            case ArrowTypeId.Timestamp:
                return new PrimitiveColumn<long>(type, length, ReadFixedWidth(field, length, sizeof(long)), validity, 0, nullCount);
            case ArrowTypeId.UInt32:
                return new PrimitiveColumn<uint>(type, length, ReadFixedWidth(field, length, sizeof(uint)), validity, 0, nullCount);
            case ArrowTypeId.UInt64:
                return new PrimitiveColumn<ulong>(type, length, ReadFixedWidth(field, length, sizeof(ulong)), validity, 0, nullCount);
            case ArrowTypeId.Float32:
                return new PrimitiveColumn<float>(type, length, ReadFixedWidth(field, length, sizeof(float)), validity, 0, nullCount);
            case ArrowTypeId.Float64:
                return new PrimitiveColumn<double>(type, length, ReadFixedWidth(field, length, sizeof(double)), validity, 0, nullCount);
            case ArrowTypeId.Boolean:
            {
                var values = NextBuffer(field);
                var needed = BitUtility.BytesForBits(length);
                if (values.Length < needed)
                {
                    ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' needs {needed} bytes of boolean values, the buffer has {values.Length}.");
                }

                return new BooleanColumn(length, values[..(int)needed], 0, validity, 0, nullCount);
            }

            case ArrowTypeId.Utf8:
            case ArrowTypeId.Binary:
            {
                var offsets = ReadOffsets(field, length);
                var data = NextBuffer(field);
                var (first, last) = CheckOffsets(field, offsets.Span, data.Length);
                if (type.Id == ArrowTypeId.Utf8)
                {
                    if (_validateUtf8)
                    {
                        CheckUtf8(field, offsets.Span, data.Span, first, last);
                    }

                    return new Utf8Column(length, offsets, data, validity, 0, nullCount);
                }

                return new BinaryColumn(length, offsets, data, validity, 0, nullCount);
            }

            case ArrowTypeId.List:
            {
                var offsets = ReadOffsets(field, length);
                var values = DecodeColumn(type.ValueField!, expectedLength: -1);
                CheckOffsets(field, offsets.Span, values.Length);
                return new ListColumn(type, length, offsets, values, validity, 0, nullCount);
            }

            case ArrowTypeId.FixedSizeList:
            {
                var values = DecodeColumn(type.ValueField!, expectedLength: -1);
                var needed = (long)length * type.ListSize;
                if (values.Length < needed)
                {
                    ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' needs {needed} child values, the child has {values.Length}.");
                }

                if (values.Length > needed)
                {
                    values = values.Slice(0, (int)needed);
                }

                return new FixedSizeListColumn(type, length, values, validity, 0, nullCount);
            }

            default:
                return ThrowHelper.ThrowInvalidFile<ArrowColumn>($"Field '{field.Name}' has an unreadable type {type}.");
        }
    }

    private ReadOnlyMemory<byte> NextBuffer(ArrowField field)
    {
        if (_nextBuffer >= _buffers.Length)
        {
            ThrowHelper.ThrowInvalidFile($"The record batch has too few buffers for field '{field.Name}'.");
        }

        var (offset, length) = _buffers[_nextBuffer++];
        if (offset < 0 || length < 0 || offset > _bodyLength || length > _bodyLength - offset)
        {
            ThrowHelper.ThrowInvalidFile($"A buffer of field '{field.Name}' ([{offset}, +{length})) lies outside the {_bodyLength}-byte body.");
        }

        return _input.Slice(_bodyStart + (int)offset, (int)length);
    }

    /// <summary>The validity bitmap, or empty when there are no nulls; a present bitmap must agree with the null count.</summary>
    private ReadOnlyMemory<byte> ReadValidity(ArrowField field, int length, int nullCount)
    {
        var bitmap = NextBuffer(field);
        if (bitmap.IsEmpty)
        {
            if (nullCount > 0)
            {
                ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' declares {nullCount} nulls but has no validity bitmap.");
            }

            return ReadOnlyMemory<byte>.Empty;
        }

        var needed = BitUtility.BytesForBits(length);
        if (bitmap.Length < needed)
        {
            ThrowHelper.ThrowInvalidFile($"The validity bitmap of field '{field.Name}' has {bitmap.Length} bytes, {needed} are needed.");
        }

        var valid = BitUtility.CountSetBits(bitmap.Span, 0, length);
        if (length - valid != nullCount)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' declares {nullCount} nulls but its bitmap marks {length - valid}.");
        }

        return nullCount == 0 ? ReadOnlyMemory<byte>.Empty : bitmap[..(int)needed];
    }

    private ReadOnlyMemory<byte> ReadFixedWidth(ArrowField field, int length, int width)
    {
        var values = NextBuffer(field);
        var needed = (long)length * width;
        if (values.Length < needed)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' needs {needed} bytes for {length} values, the buffer has {values.Length}.");
        }

        return values[..(int)needed];
    }

    private ReadOnlyMemory<byte> ReadOffsets(ArrowField field, int length)
    {
        var offsets = NextBuffer(field);
        if (length == 0 && offsets.IsEmpty)
        {
            return s_singleZeroOffset;
        }

        var needed = ((long)length + 1) * sizeof(int);
        if (offsets.Length < needed)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' needs {needed} bytes of offsets, the buffer has {offsets.Length}.");
        }

        return offsets[..(int)needed];
    }

    /// <summary>Offsets must start at or after 0, never decrease, and end within <paramref name="limit"/>.</summary>
    private static (int First, int Last) CheckOffsets(ArrowField field, ReadOnlySpan<byte> offsetBytes, int limit)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes);
        var previous = offsets[0];
        if (previous < 0)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' has a negative first offset {previous}.");
        }

        for (var i = 1; i < offsets.Length; i++)
        {
            var current = offsets[i];
            if (current < previous)
            {
                ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' has decreasing offsets at {i} ({previous} then {current}).");
            }

            previous = current;
        }

        if (previous > limit)
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' has offsets up to {previous}, beyond its {limit} values.");
        }

        return (offsets[0], previous);
    }

    /// <summary>
    /// The referenced data must be valid UTF-8 and no value boundary may split a character. Checking the whole
    /// range once plus each boundary byte is equivalent to checking every value, at vectorized speed.
    /// </summary>
    private static void CheckUtf8(ArrowField field, ReadOnlySpan<byte> offsetBytes, ReadOnlySpan<byte> data, int first, int last)
    {
        if (!Utf8.IsValid(data[first..last]))
        {
            ThrowHelper.ThrowInvalidFile($"Field '{field.Name}' holds invalid UTF-8.");
        }

        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes);
        for (var i = 1; i < offsets.Length - 1; i++)
        {
            var boundary = offsets[i];
            if (boundary < last && (data[boundary] & 0xC0) == 0x80)
            {
                ThrowHelper.ThrowInvalidFile($"Value {i} of field '{field.Name}' starts inside a UTF-8 character.");
            }
        }
    }
}
