using System.Buffers;

namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>
/// The stream format, which the file format wraps: checks every batch against the schema, writes the Schema message
/// before the first batch (after the format's preamble), then the RecordBatch messages and the end-of-stream marker,
/// and refuses writes once finished. <see cref="ArrowStreamWriter"/> is this alone; <see cref="ArrowFileWriter"/>
/// adds its magic as the preamble, keeps the blocks it is given back and writes its footer after <see cref="EndStream"/>.
/// </summary>
internal sealed class IpcStreamCore
{
    private readonly IpcMessageWriter _messages;
    private readonly string _formatName;
    private readonly byte[] _preamble;
    private readonly KeyValuePair<string, string>[] _schemaMessageMetadata;
    private bool _started;
    private bool _finished;

    /// <param name="sink">Where the bytes go.</param>
    /// <param name="schema">The schema of every batch.</param>
    /// <param name="options">Validated here; null means <see cref="ArrowWriteOptions.Default"/>.</param>
    /// <param name="formatName">"file" or "stream", as error messages name the output.</param>
    /// <param name="preamble">Bytes written before the Schema message.</param>
    /// <param name="schemaMessageMetadata">The Schema message's <c>custom_metadata</c>.</param>
    public IpcStreamCore(IpcSink sink, ArrowSchema schema, ArrowWriteOptions? options, string formatName, byte[] preamble, KeyValuePair<string, string>[] schemaMessageMetadata)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Options = options ?? ArrowWriteOptions.Default;
        Options.Validate();
        Schema = schema;
        Sink = sink;
        _messages = new IpcMessageWriter(sink, Options.Alignment);
        _formatName = formatName;
        _preamble = preamble;
        _schemaMessageMetadata = schemaMessageMetadata;
    }

    public ArrowSchema Schema { get; }

    public ArrowWriteOptions Options { get; }

    public IpcSink Sink { get; }

    /// <summary>Writes a whole output holding <paramref name="batches"/> with the writer <paramref name="open"/> creates, and returns its bytes.</summary>
    public static byte[] WriteToArray<TWriter>(IEnumerable<RecordBatch> batches, Func<IBufferWriter<byte>, TWriter> open)
        where TWriter : IRecordBatchWriter =>
        WriteToMemory(batches, open).ToArray();

    /// <summary>
    /// Writes a whole output like <see cref="WriteToArray"/> into one buffer sized from the batches' bodies up front, and
    /// returns the written part of it without a copy. A growing buffer would leave a trail of doubled arrays behind
    /// (about twice the output, all on the large object heap for a fragment) and then copy the result once more.
    /// </summary>
    public static ReadOnlyMemory<byte> WriteToMemory<TWriter>(IEnumerable<RecordBatch> batches, Func<IBufferWriter<byte>, TWriter> open)
        where TWriter : IRecordBatchWriter
    {
        ArgumentNullException.ThrowIfNull(batches);
        var list = batches as IReadOnlyList<RecordBatch> ?? [.. batches];
        var output = new ArrayBufferWriter<byte>(EstimateOutputBytes(list));
        Write(list, open(output));
        return output.WrittenMemory;
    }

    /// <summary>
    /// Writes a whole output like <see cref="WriteToMemory"/> into an array rented from the shared pool, sized likewise:
    /// the caller gives it back (<see cref="PooledBytes.Dispose"/>) once the bytes are consumed.
    /// </summary>
    public static PooledBytes WriteToPooled<TWriter>(IEnumerable<RecordBatch> batches, Func<IBufferWriter<byte>, TWriter> open)
        where TWriter : IRecordBatchWriter
    {
        ArgumentNullException.ThrowIfNull(batches);
        var list = batches as IReadOnlyList<RecordBatch> ?? [.. batches];
        var output = new PooledBytes(EstimateOutputBytes(list));
        try
        {
            Write(list, open(output));
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static void Write(IReadOnlyList<RecordBatch> batches, IRecordBatchWriter writer)
    {
        foreach (var batch in batches)
        {
            writer.WriteRecordBatch(batch);
        }

        writer.Finish();
    }

    /// <summary>
    /// An estimate of an output's size, meant to be an upper one: the batches' aligned bodies plus room for the messages'
    /// metadata, the schema (twice in a file: its message and its footer; sized by its field count, so a one-row write
    /// does not allocate a fixed 64 KiB as it did) and the footer's blocks. An estimate that falls short only costs the
    /// buffer one growth.
    /// </summary>
    private static int EstimateOutputBytes(IReadOnlyList<RecordBatch> batches)
    {
        const int FixedOverhead = 2 * 1024;
        const int PerFieldOverhead = 2 * 256;
        const int PerBufferOverhead = 64;
        long total = FixedOverhead + (batches.Count > 0 ? PerFieldOverhead * (long)batches[0].Schema.FieldCount : 0);
        foreach (var batch in batches)
        {
            ArgumentNullException.ThrowIfNull(batch);
            var layout = RecordBatchLayout.Create(batch, ArrowWriteOptions.MaxAlignment);
            total += layout.BodyLength + (PerBufferOverhead * (long)(layout.Buffers.Count + layout.Nodes.Count)) + 1024;
        }

        return (int)Math.Min(total, Array.MaxLength);
    }

    /// <summary>Writes one RecordBatch message and returns where it lies.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_schema_mismatch</c>: The batch has another schema.</exception>
    public FileBlock WriteRecordBatch(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckNotFinished();
        if (!batch.Schema.Equals(Schema))
        {
            Internal.ThrowHelper.ThrowSchemaMismatch($"The batch schema {batch.Schema} differs from the {_formatName} schema {Schema}.");
        }

        Start();
        return _messages.WriteRecordBatch(batch);
    }

    /// <summary>
    /// Writes the end-of-stream marker (after the schema when no batch came). The writer then writes what follows the
    /// stream, if anything, and calls <see cref="MarkFinished"/>: until then a failure leaves it unfinished.
    /// </summary>
    public void EndStream()
    {
        CheckNotFinished();
        Start();
        _messages.WriteEndOfStream();
    }

    public void MarkFinished() => _finished = true;

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        Sink.Write(_preamble);
        _messages.WriteSchema(Schema, _schemaMessageMetadata);
    }

    private void CheckNotFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException($"The {_formatName} is already finished.");
        }
    }
}
