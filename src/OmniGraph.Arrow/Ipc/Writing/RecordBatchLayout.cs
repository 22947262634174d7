
namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>
/// Flattens a record batch into the IPC body layout (<see cref="ArrowColumnParts.Flatten"/>: one FieldNode per column,
/// pre-order through list children, and its buffers in format order) and places the buffers in the aligned body.
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
        var nodes = new List<ArrowNode>();
        foreach (var column in batch.Columns)
        {
            ArrowColumnParts.Flatten(column, nodes, layout._buffers);
        }

        layout._nodes.AddRange(nodes.Select(static n => ((long)n.Length, (long)n.NullCount)));
        layout.PlaceBuffers();
        return layout;
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
