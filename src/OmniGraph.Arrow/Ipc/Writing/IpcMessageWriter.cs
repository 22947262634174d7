using System.Buffers.Binary;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc.Writing;

/// <summary>
/// Writes encapsulated IPC messages: continuation marker, metadata length, the Message FlatBuffer padded so the
/// body starts aligned, then the body with every buffer aligned. Shared by the file and the stream writer.
/// </summary>
internal sealed class IpcMessageWriter
{
    private readonly IpcSink _sink;
    private readonly int _alignment;

    public IpcMessageWriter(IpcSink sink, int alignment)
    {
        _sink = sink;
        _alignment = alignment;
    }

    /// <summary>Writes the Schema message; <paramref name="messageMetadata"/> goes into Message.custom_metadata.</summary>
    public FileBlock WriteSchema(ArrowSchema schema, IReadOnlyList<KeyValuePair<string, string>> messageMetadata)
    {
        var builder = new FlatBufferBuilder();
        var header = SchemaEncoder.WriteSchema(builder, schema);
        var metadata = SchemaEncoder.WriteMetadata(builder, messageMetadata);
        var message = WriteMessageTable(builder, MessageHeaderIds.Schema, header, bodyLength: 0, metadata);
        return WriteMessage(builder.Finish(message), body: null);
    }

    /// <summary>Writes one RecordBatch message with its body.</summary>
    public FileBlock WriteRecordBatch(RecordBatch batch)
    {
        var layout = RecordBatchLayout.Create(batch, _alignment);
        var builder = new FlatBufferBuilder(512 + (layout.Buffers.Count * BufferSize) + (layout.Nodes.Count * FieldNodeSize));

        builder.StartStructVector(FieldNodeSize, layout.Nodes.Count, sizeof(long));
        for (var i = layout.Nodes.Count - 1; i >= 0; i--)
        {
            builder.PutInt64(layout.Nodes[i].NullCount);
            builder.PutInt64(layout.Nodes[i].Length);
        }

        var nodes = builder.EndVector(layout.Nodes.Count);
        builder.StartStructVector(BufferSize, layout.Buffers.Count, sizeof(long));
        for (var i = layout.Buffers.Count - 1; i >= 0; i--)
        {
            builder.PutInt64(layout.Buffers[i].Length);
            builder.PutInt64(layout.BufferOffsets[i]);
        }

        var buffers = builder.EndVector(layout.Buffers.Count);
        builder.StartTable(RecordBatchSlots.Count);
        builder.AddInt64(RecordBatchSlots.Length, batch.Length);
        builder.AddOffset(RecordBatchSlots.Nodes, nodes);
        builder.AddOffset(RecordBatchSlots.Buffers, buffers);
        var header = builder.EndTable();
        var message = WriteMessageTable(builder, MessageHeaderIds.RecordBatch, header, layout.BodyLength, metadata: 0);
        return WriteMessage(builder.Finish(message), layout);
    }

    /// <summary>The end-of-stream marker: a continuation marker followed by a zero metadata length.</summary>
    public void WriteEndOfStream()
    {
        Span<byte> marker = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(marker, ContinuationMarker);
        BinaryPrimitives.WriteInt32LittleEndian(marker[4..], 0);
        _sink.Write(marker);
    }

    private static int WriteMessageTable(FlatBufferBuilder builder, byte headerType, int header, long bodyLength, int metadata)
    {
        builder.StartTable(MessageSlots.Count);
        builder.AddInt16(MessageSlots.Version, MetadataVersionV5);
        builder.AddByte(MessageSlots.HeaderType, headerType);
        builder.AddOffset(MessageSlots.Header, header);
        builder.AddInt64(MessageSlots.BodyLength, bodyLength);
        builder.AddOptionalOffset(MessageSlots.CustomMetadata, metadata);
        return builder.EndTable();
    }

    private FileBlock WriteMessage(byte[] flatBuffer, RecordBatchLayout? body)
    {
        var start = _sink.Position;
        var bodyStart = RecordBatchLayout.AlignUp(start + 8 + flatBuffer.Length, _alignment);
        var metadataLength = bodyStart - start - 8;
        if (metadataLength > int.MaxValue - 8)
        {
            throw new InvalidOperationException("Message metadata larger than 2 GiB.");
        }

        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, ContinuationMarker);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], (int)metadataLength);
        _sink.Write(prefix);
        _sink.Write(flatBuffer);
        _sink.PadTo(_alignment);

        long bodyLength = 0;
        if (body is not null)
        {
            for (var i = 0; i < body.Buffers.Count; i++)
            {
                _sink.Write(body.Buffers[i].Span);
                _sink.PadTo(_alignment);
            }

            bodyLength = body.BodyLength;
        }

        return new FileBlock(start, (int)(8 + metadataLength), bodyLength);
    }
}
