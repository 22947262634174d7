using System.Runtime.InteropServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>
/// Flattens a record batch into the IPC body layout: one FieldNode per column (pre-order through list
/// children) and its buffers in the order the format prescribes (validity, then offsets/values, then data).
/// Buffers are taken as they are when already in IPC shape (the common case, no copy); slices whose bitmap
/// starts mid-byte or whose offsets do not start at zero are materialized into new arrays.
/// </summary>
internal sealed class RecordBatchLayout
{
    private readonly List<(long Length, long NullCount)> _nodes = [];
    private readonly List<ReadOnlyMemory<byte>> _buffers = [];

    private RecordBatchLayout(int alignment)
    {
        Alignment = alignment;
    }

    public int Alignment { get; }

    public IReadOnlyList<(long Length, long NullCount)> Nodes => _nodes;

    public IReadOnlyList<ReadOnlyMemory<byte>> Buffers => _buffers;

    /// <summary>Offset of each buffer within the body.</summary>
    public long[] BufferOffsets { get; private set; } = [];

    /// <summary>Body length, a multiple of <see cref="Alignment"/>.</summary>
    public long BodyLength { get; private set; }

    public static RecordBatchLayout Create(RecordBatch batch, int alignment)
    {
        var layout = new RecordBatchLayout(alignment);
        foreach (var column in batch.Columns)
        {
            layout.AddColumn(column);
        }

        layout.PlaceBuffers();
        return layout;
    }

    private void AddColumn(ArrowColumn column)
    {
        _nodes.Add((column.Length, column.NullCount));
        _buffers.Add(column.NullCount == 0
            ? ReadOnlyMemory<byte>.Empty
            : Bits(column.ValidityMemory, column.ValidityBitOffset, column.Length));

        switch (column)
        {
            case BooleanColumn booleans:
                _buffers.Add(Bits(booleans.ValueMemory, booleans.ValueBitOffset, booleans.Length));
                break;
            case VariableBinaryColumn binary:
            {
                var (offsets, first, last) = ZeroBasedOffsets(binary.OffsetMemory);
                _buffers.Add(offsets);
                _buffers.Add(binary.DataMemory[first..last]);
                break;
            }

            case ListColumn list:
            {
                var (offsets, first, last) = ZeroBasedOffsets(list.OffsetMemory);
                _buffers.Add(offsets);
                AddColumn(list.Values.Slice(first, last - first));
                break;
            }

            case FixedSizeListColumn fixedSizeList:
                AddColumn(fixedSizeList.Values);
                break;
            default:
                _buffers.Add(PrimitiveValues(column));
                break;
        }
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

    private static (ReadOnlyMemory<byte> Offsets, int First, int Last) ZeroBasedOffsets(ReadOnlyMemory<byte> offsetMemory)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(offsetMemory.Span);
        var first = offsets[0];
        var last = offsets[^1];
        if (first == 0)
        {
            return (offsetMemory, 0, last);
        }

        var rebased = new byte[offsetMemory.Length];
        var destination = MemoryMarshal.Cast<byte, int>(rebased.AsSpan());
        for (var i = 0; i < offsets.Length; i++)
        {
            destination[i] = offsets[i] - first;
        }

        return (rebased, first, last);
    }

    private void PlaceBuffers()
    {
        BufferOffsets = new long[_buffers.Count];
        long position = 0;
        for (var i = 0; i < _buffers.Count; i++)
        {
            BufferOffsets[i] = position;
            position = AlignUp(position + _buffers[i].Length, Alignment);
        }

        BodyLength = position;
    }

    internal static long AlignUp(long value, int alignment) => (value + alignment - 1) & ~((long)alignment - 1);
}
