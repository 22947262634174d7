using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.Reading;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Reads the Arrow IPC stream format from memory: a Schema message, then record batches until the end-of-stream
/// marker or the end of the data. Batches are zero-copy views of the input. Streams carry no checksum, so only
/// structural validation applies. Every malformed input raises an <see cref="OmniGraphException"/> with an <c>arrow_*</c> code.
/// </summary>
public sealed class ArrowStreamReader
{
    private readonly ReadOnlyMemory<byte> _input;
    private readonly ArrowReadOptions _options;
    private int _position;
    private bool _ended;

    private ArrowStreamReader(ReadOnlyMemory<byte> input, ArrowSchema schema, int position, ArrowReadOptions options)
    {
        _input = input;
        Schema = schema;
        _position = position;
        _options = options;
    }

    public ArrowSchema Schema { get; }

    /// <summary>Reads the Schema message at the start of <paramref name="stream"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>, <c>arrow_unsupported</c> or <c>arrow_checksum_mismatch</c>: The data does not start with a valid Schema message.</exception>
    public static ArrowStreamReader Open(ReadOnlyMemory<byte> stream, ArrowReadOptions? options = null)
    {
        options ??= ArrowReadOptions.Default;
        options.Validate();
        var span = stream.Span;
        if (!IpcMessage.TryRead(span, 0, span.Length, out var message) || message.HeaderType != MessageHeaderIds.Schema)
        {
            ThrowHelper.ThrowInvalidFile("The stream does not start with a Schema message.");
        }

        if (!message.GetMessageTable(span).TryGetTable(MessageSlots.Header, "Schema", out var schemaTable))
        {
            ThrowHelper.ThrowInvalidFile("The Schema message has no schema.");
        }

        var schema = SchemaDecoder.Decode(schemaTable, options.MaxNestingDepth);
        return new ArrowStreamReader(stream, schema, message.End, options);
    }

    /// <summary>Reads a whole stream.</summary>
    public static (ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches) ReadAll(ReadOnlyMemory<byte> stream, ArrowReadOptions? options = null)
    {
        var reader = Open(stream, options);
        var batches = new List<RecordBatch>();
        while (reader.TryReadNext(out var batch))
        {
            batches.Add(batch);
        }

        return (reader.Schema, batches);
    }

    /// <summary>Reads the next record batch; false at the end-of-stream marker or the end of the data.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>, <c>arrow_unsupported</c> or <c>arrow_checksum_mismatch</c>: The next message is malformed or of an unsupported kind.</exception>
    public bool TryReadNext(out RecordBatch batch)
    {
        batch = null!;
        if (_ended || _position == _input.Length)
        {
            _ended = true;
            return false;
        }

        if (!IpcMessage.TryRead(_input.Span, _position, _input.Length, out var message))
        {
            _ended = true;
            return false;
        }

        batch = RecordBatchDecoder.Decode(_input, message, Schema, _options);
        _position = message.End;
        return true;
    }
}
