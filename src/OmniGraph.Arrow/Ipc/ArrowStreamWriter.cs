using System.Buffers;
using OmniGraph.Arrow.Ipc.Writing;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Writes the Arrow IPC stream format: the Schema message, one RecordBatch message per batch and the
/// end-of-stream marker. Same messages as the file format without magic or footer, so it carries no checksum;
/// suited to sending batches over a connection.
/// </summary>
public sealed class ArrowStreamWriter
{
    private readonly IpcSink _sink;
    private readonly IpcMessageWriter _messages;
    private bool _started;
    private bool _finished;

    public ArrowStreamWriter(IBufferWriter<byte> output, ArrowSchema schema, ArrowWriteOptions? options = null)
        : this(new IpcSink(output ?? throw new ArgumentNullException(nameof(output)), trackChecksum: false), schema, options)
    {
    }

    public ArrowStreamWriter(Stream output, ArrowSchema schema, ArrowWriteOptions? options = null)
        : this(new IpcSink(output ?? throw new ArgumentNullException(nameof(output)), trackChecksum: false), schema, options)
    {
    }

    private ArrowStreamWriter(IpcSink sink, ArrowSchema schema, ArrowWriteOptions? options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var resolved = options ?? ArrowWriteOptions.Default;
        resolved.Validate();
        Schema = schema;
        _sink = sink;
        _messages = new IpcMessageWriter(sink, resolved.Alignment);
    }

    public ArrowSchema Schema { get; }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _sink.Position;

    /// <summary>Writes a whole stream holding <paramref name="batches"/> and returns its bytes.</summary>
    public static byte[] WriteToArray(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var output = new ArrayBufferWriter<byte>();
        var writer = new ArrowStreamWriter(output, schema, options);
        foreach (var batch in batches)
        {
            writer.WriteRecordBatch(batch);
        }

        writer.Finish();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Appends one record batch; its schema must equal the writer's.</summary>
    /// <exception cref="ArrowSchemaMismatchException">The batch has another schema.</exception>
    public void WriteRecordBatch(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckNotFinished();
        if (!batch.Schema.Equals(Schema))
        {
            Internal.ThrowHelper.ThrowSchemaMismatch($"The batch schema {batch.Schema} differs from the stream schema {Schema}.");
        }

        Start();
        _messages.WriteRecordBatch(batch);
    }

    /// <summary>Writes the end-of-stream marker. No batch can be written afterwards.</summary>
    public void Finish()
    {
        CheckNotFinished();
        Start();
        _messages.WriteEndOfStream();
        _finished = true;
    }

    private void Start()
    {
        if (!_started)
        {
            _started = true;
            _messages.WriteSchema(Schema, []);
        }
    }

    private void CheckNotFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The stream is already finished.");
        }
    }
}
