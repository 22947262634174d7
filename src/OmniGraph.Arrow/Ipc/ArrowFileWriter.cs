using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OmniGraph.Arrow.Integrity;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using OmniGraph.Arrow.Ipc.Writing;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Writes an Arrow IPC file: magic, the Schema message, one RecordBatch message per batch, the end-of-stream
/// marker, the Footer (format V5, schema, record-batch blocks) and the trailing length and magic. By default the
/// footer also carries an OmniGraph CRC-32C of the whole file (see docs/arrow.md), which other Arrow readers
/// ignore. Batches are written as they come; nothing is buffered beyond one message's metadata.
/// </summary>
/// <example>
/// <code>
/// var writer = new ArrowFileWriter(stream, schema);
/// writer.WriteRecordBatch(batch);
/// writer.Finish();
/// </code>
/// </example>
public sealed class ArrowFileWriter : IRecordBatchWriter
{
    // A file is the stream format between this header (the magic, padded) and the footer.
    private static readonly byte[] s_header = CreateHeader();

    // Marks the Schema message of a checksummed file (see docs/arrow.md).
    private static readonly KeyValuePair<string, string>[] s_checksumMarker = [new(FileChecksum.MarkerKey, FileChecksum.MarkerValue)];

    private readonly IpcStreamCore _stream;
    private readonly List<FileBlock> _blocks = [];

    /// <summary>Writes to <paramref name="output"/>, whose current end is the file's first byte.</summary>
    public ArrowFileWriter(IBufferWriter<byte> output, ArrowSchema schema, ArrowWriteOptions? options = null)
        : this(new IpcSink(output ?? throw new ArgumentNullException(nameof(output)), TrackChecksum(options)), schema, options)
    {
    }

    /// <summary>Writes to <paramref name="output"/> from its current position (the stream is not closed).</summary>
    public ArrowFileWriter(Stream output, ArrowSchema schema, ArrowWriteOptions? options = null)
        : this(new IpcSink(output ?? throw new ArgumentNullException(nameof(output)), TrackChecksum(options)), schema, options)
    {
    }

    private ArrowFileWriter(IpcSink sink, ArrowSchema schema, ArrowWriteOptions? options)
    {
        _stream = new IpcStreamCore(sink, schema, options, "file", s_header, TrackChecksum(options) ? s_checksumMarker : []);
    }

    public ArrowSchema Schema => _stream.Schema;

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _stream.Sink.Position;

    /// <summary>Writes a whole file holding <paramref name="batches"/> and returns its bytes.</summary>
    public static byte[] WriteToArray(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        IpcStreamCore.WriteToArray(batches, output => new ArrowFileWriter(output, schema, options));

    /// <summary>
    /// Writes a whole file holding <paramref name="batches"/> into one buffer sized from the batches up front and returns
    /// the bytes without copying them out of it (<see cref="WriteToArray"/> copies them into an array of their own).
    /// </summary>
    public static ReadOnlyMemory<byte> WriteToMemory(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        IpcStreamCore.WriteToMemory(batches, output => new ArrowFileWriter(output, schema, options));

    /// <summary>
    /// Writes a whole file like <see cref="WriteToMemory"/> into an array rented from the shared pool; dispose the result
    /// once its bytes are consumed to give the array back.
    /// </summary>
    public static PooledBytes WriteToPooled(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowWriteOptions? options = null) =>
        IpcStreamCore.WriteToPooled(batches, output => new ArrowFileWriter(output, schema, options));

    /// <summary>Appends one record batch; its schema must equal the writer's.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_schema_mismatch</c>: The batch has another schema.</exception>
    public void WriteRecordBatch(RecordBatch batch) => _blocks.Add(_stream.WriteRecordBatch(batch));

    /// <summary>Writes the end-of-stream marker, the footer and the trailer. No batch can be written afterwards.</summary>
    public void Finish()
    {
        _stream.EndStream();
        WriteFooterAndTrailer();
        _stream.MarkFinished();
    }

    private static byte[] CreateHeader()
    {
        var header = new byte[FileHeaderLength];
        Magic.CopyTo(header);
        return header;
    }

    private static bool TrackChecksum(ArrowWriteOptions? options) => (options ?? ArrowWriteOptions.Default).WriteChecksum;

    private static int WriteBlocks(FlatBufferBuilder builder, IReadOnlyList<FileBlock> blocks)
    {
        builder.StartStructVector(BlockSize, blocks.Count, sizeof(long));
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            builder.PutInt64(blocks[i].BodyLength);
            builder.PutInt32(0);
            builder.PutInt32(blocks[i].MetadataLength);
            builder.PutInt64(blocks[i].Offset);
        }

        return builder.EndVector(blocks.Count);
    }

    /// <summary>The Footer (format V5, schema, record-batch blocks, the checksum entry), its length and the closing magic.</summary>
    private void WriteFooterAndTrailer()
    {
        var writeChecksum = _stream.Options.WriteChecksum;
        var builder = new FlatBufferBuilder(256 + (_blocks.Count * BlockSize));
        var schema = SchemaEncoder.WriteSchema(builder, Schema);
        var blocks = WriteBlocks(builder, _blocks);
        var dictionaries = WriteBlocks(builder, []);
        var metadata = 0;
        var checksumValue = 0;
        if (writeChecksum)
        {
            KeyValuePair<string, string>[] entries = [new(FileChecksum.FooterKey, Encoding.ASCII.GetString(FileChecksum.Placeholder))];
            metadata = SchemaEncoder.WriteMetadata(builder, entries, out checksumValue, FileChecksum.FooterKey);
        }

        builder.StartTable(FooterSlots.Count);
        builder.AddInt16(FooterSlots.Version, MetadataVersionV5);
        builder.AddOffset(FooterSlots.Schema, schema);
        builder.AddOffset(FooterSlots.Dictionaries, dictionaries);
        builder.AddOffset(FooterSlots.RecordBatches, blocks);
        builder.AddOptionalOffset(FooterSlots.CustomMetadata, metadata);
        var footer = builder.Finish(builder.EndTable());
        var trailer = new byte[sizeof(int) + Magic.Length];
        BinaryPrimitives.WriteInt32LittleEndian(trailer, footer.Length);
        Magic.CopyTo(trailer.AsSpan(sizeof(int)));

        if (writeChecksum)
        {
            // The placeholder is in the footer now; the CRC of everything (placeholder included) is then written over it.
            var crc = Crc32C.Append(Crc32C.Append(_stream.Sink.Crc, footer), trailer);
            var textPosition = FlatBufferBuilder.StringContentPosition(footer.Length, checksumValue);
            Encoding.ASCII.GetBytes(FileChecksum.Format(crc), footer.AsSpan(textPosition, FileChecksum.TextLength));
        }

        _stream.Sink.Write(footer);
        _stream.Sink.Write(trailer);
    }
}
