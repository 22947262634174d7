using System.Buffers;
using OmniGraph.Arrow.Ipc.Writing;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Writes the Arrow IPC stream format: the Schema message, one RecordBatch message per batch and the
/// end-of-stream marker. Same messages as the file format without magic or footer, so it carries no checksum;
/// suited to sending batches over a connection.
/// </summary>
public sealed class ArrowStreamWriter : IRecordBatchWriter
{
    private readonly IpcStreamCore _stream;

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
        _stream = new IpcStreamCore(sink, schema, options, "stream", preamble: [], schemaMessageMetadata: []);
    }

    public ArrowSchema Schema => _stream.Schema;

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _stream.Sink.Position;

    /// <summary>Writes a whole stream holding <paramref name="batches"/> and returns its bytes.</summary>
    public static byte[] WriteToArray(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        IpcStreamCore.WriteToArray(batches, output => new ArrowStreamWriter(output, schema, options));

    /// <summary>Appends one record batch; its schema must equal the writer's.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_schema_mismatch</c>: The batch has another schema.</exception>
    public void WriteRecordBatch(RecordBatch batch) => _stream.WriteRecordBatch(batch);

    /// <summary>Writes the end-of-stream marker. No batch can be written afterwards.</summary>
    public void Finish()
    {
        _stream.EndStream();
        _stream.MarkFinished();
    }
}
