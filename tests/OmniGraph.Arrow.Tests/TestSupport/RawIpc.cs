using System.Buffers.Binary;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Tests.TestSupport;

/// <summary>A field described at the FlatBuffers level, so tests can forge schemas our model would never produce.</summary>
internal sealed record RawField(string Name, byte TypeId, Func<FlatBufferBuilder, int> WriteType, bool Nullable = true, RawField[]? Children = null, bool Dictionary = false);

/// <summary>A record batch described by its raw FieldNodes, Buffers and body bytes.</summary>
internal sealed record RawBatch(long Length, (long Length, long NullCount)[] Nodes, (long Offset, long Length)[] Buffers, byte[] Body, bool Compressed = false);

/// <summary>
/// Forges Arrow IPC files and streams from raw parts with our FlatBuffers builder, for hand-crafted malicious
/// inputs: arbitrary type ids, nesting, lengths, offsets and buffers. No checksum is added.
/// </summary>
internal static class RawIpc
{
    public static RawField Int64(string name, bool nullable = true) => new(name, TypeIds.Int, b => IntType(b, 64, true), nullable);

    public static RawField Int32(string name, bool nullable = true) => new(name, TypeIds.Int, b => IntType(b, 32, true), nullable);

    public static RawField Utf8(string name) => new(name, TypeIds.Utf8, EmptyTable);

    public static RawField List(string name, RawField child) => new(name, TypeIds.List, EmptyTable, Children: [child]);

    public static RawField FixedSizeList(string name, int size, RawField child) => new(name, TypeIds.FixedSizeList, b => SingleInt32Table(b, size), Children: [child]);

    public static int IntType(FlatBufferBuilder builder, int bitWidth, bool signed)
    {
        builder.StartTable(2);
        builder.AddInt32(0, bitWidth);
        builder.AddBool(1, signed);
        return builder.EndTable();
    }

    public static int EmptyTable(FlatBufferBuilder builder)
    {
        builder.StartTable(0);
        return builder.EndTable();
    }

    public static int SingleInt16Table(FlatBufferBuilder builder, short value)
    {
        builder.StartTable(1);
        builder.AddInt16(0, value);
        return builder.EndTable();
    }

    public static int SingleInt32Table(FlatBufferBuilder builder, int value)
    {
        builder.StartTable(1);
        builder.AddInt32(0, value);
        return builder.EndTable();
    }

    public static int WriteSchema(FlatBufferBuilder builder, IReadOnlyList<RawField> fields, short endianness = EndiannessLittle)
    {
        var references = fields.Select(f => WriteField(builder, f)).ToArray();
        var vector = builder.CreateOffsetVector(references);
        builder.StartTable(SchemaSlots.Count);
        builder.AddInt16(SchemaSlots.Endianness, endianness);
        builder.AddOffset(SchemaSlots.Fields, vector);
        return builder.EndTable();
    }

    /// <summary>A whole file: magic, Schema message, batches, end-of-stream, footer, trailer.</summary>
    public static byte[] File(IReadOnlyList<RawField> fields, RawBatch[] batches, short endianness = EndiannessLittle, bool dictionaryBlock = false)
    {
        using var output = new MemoryStream();
        output.Write("ARROW1\0\0"u8);
        WriteMessage(output, MessageHeaderIds.Schema, b => WriteSchema(b, fields, endianness), [], 0);
        var blocks = new List<(long Offset, int MetadataLength, long BodyLength)>();
        foreach (var batch in batches)
        {
            blocks.Add(WriteBatch(output, batch));
        }

        output.Write([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);
        var builder = new FlatBufferBuilder();
        var schema = WriteSchema(builder, fields, endianness);
        var recordBatches = WriteBlocks(builder, blocks);
        var dictionaries = WriteBlocks(builder, dictionaryBlock ? [(8, 8, 0)] : []);
        builder.StartTable(FooterSlots.Count);
        builder.AddInt16(FooterSlots.Version, MetadataVersionV5);
        builder.AddOffset(FooterSlots.Schema, schema);
        builder.AddOffset(FooterSlots.Dictionaries, dictionaries);
        builder.AddOffset(FooterSlots.RecordBatches, recordBatches);
        var footer = builder.Finish(builder.EndTable());
        output.Write(footer);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.Length);
        output.Write(length);
        output.Write("ARROW1"u8);
        return output.ToArray();
    }

    /// <summary>A stream: Schema message, batches, end-of-stream.</summary>
    public static byte[] Stream(IReadOnlyList<RawField> fields, params RawBatch[] batches)
    {
        using var output = new MemoryStream();
        WriteMessage(output, MessageHeaderIds.Schema, b => WriteSchema(b, fields), [], 0);
        foreach (var batch in batches)
        {
            WriteBatch(output, batch);
        }

        output.Write([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);
        return output.ToArray();
    }

    /// <summary>Body bytes from little-endian 32-bit values.</summary>
    public static byte[] Int32s(params int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    private static int WriteField(FlatBufferBuilder builder, RawField field)
    {
        var name = builder.CreateString(field.Name);
        var type = field.WriteType(builder);
        var children = builder.CreateOffsetVector((field.Children ?? []).Select(c => WriteField(builder, c)).ToArray());
        var dictionary = 0;
        if (field.Dictionary)
        {
            builder.StartTable(1);
            builder.AddInt64(0, 1);
            dictionary = builder.EndTable();
        }

        builder.StartTable(FieldSlots.Count);
        builder.AddOffset(FieldSlots.Name, name);
        builder.AddBool(FieldSlots.Nullable, field.Nullable);
        builder.AddByte(FieldSlots.TypeType, field.TypeId);
        builder.AddOffset(FieldSlots.Type, type);
        if (dictionary != 0)
        {
            builder.AddOffset(FieldSlots.Dictionary, dictionary);
        }

        builder.AddOffset(FieldSlots.Children, children);
        return builder.EndTable();
    }

    private static (long Offset, int MetadataLength, long BodyLength) WriteBatch(MemoryStream output, RawBatch batch)
    {
        var body = batch.Body.Concat(new byte[(8 - (batch.Body.Length % 8)) % 8]).ToArray();
        return WriteMessage(output, MessageHeaderIds.RecordBatch, builder =>
        {
            builder.StartStructVector(16, batch.Nodes.Length, 8);
            foreach (var (length, nulls) in batch.Nodes.Reverse())
            {
                builder.PutInt64(nulls);
                builder.PutInt64(length);
            }

            var nodes = builder.EndVector(batch.Nodes.Length);
            builder.StartStructVector(16, batch.Buffers.Length, 8);
            foreach (var (offset, length) in batch.Buffers.Reverse())
            {
                builder.PutInt64(length);
                builder.PutInt64(offset);
            }

            var buffers = builder.EndVector(batch.Buffers.Length);
            var compression = 0;
            if (batch.Compressed)
            {
                builder.StartTable(2);
                builder.AddByte(0, 0);
                compression = builder.EndTable();
            }

            builder.StartTable(4);
            builder.AddInt64(RecordBatchSlots.Length, batch.Length);
            builder.AddOffset(RecordBatchSlots.Nodes, nodes);
            builder.AddOffset(RecordBatchSlots.Buffers, buffers);
            if (compression != 0)
            {
                builder.AddOffset(RecordBatchSlots.Compression, compression);
            }

            return builder.EndTable();
        }, body, body.Length);
    }

    private static (long Offset, int MetadataLength, long BodyLength) WriteMessage(MemoryStream output, byte headerType, Func<FlatBufferBuilder, int> writeHeader, byte[] body, long bodyLength)
    {
        var builder = new FlatBufferBuilder();
        var header = writeHeader(builder);
        builder.StartTable(MessageSlots.Count);
        builder.AddInt16(MessageSlots.Version, MetadataVersionV5);
        builder.AddByte(MessageSlots.HeaderType, headerType);
        builder.AddOffset(MessageSlots.Header, header);
        builder.AddInt64(MessageSlots.BodyLength, bodyLength);
        var metadata = builder.Finish(builder.EndTable());
        var padded = (metadata.Length + 7) / 8 * 8;
        var offset = output.Position;
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, ContinuationMarker);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], padded);
        output.Write(prefix);
        output.Write(metadata);
        output.Write(new byte[padded - metadata.Length]);
        output.Write(body);
        return (offset, 8 + padded, body.Length);
    }

    private static int WriteBlocks(FlatBufferBuilder builder, IReadOnlyList<(long Offset, int MetadataLength, long BodyLength)> blocks)
    {
        builder.StartStructVector(BlockSize, blocks.Count, 8);
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            builder.PutInt64(blocks[i].BodyLength);
            builder.PutInt32(0);
            builder.PutInt32(blocks[i].MetadataLength);
            builder.PutInt64(blocks[i].Offset);
        }

        return builder.EndVector(blocks.Count);
    }
}
