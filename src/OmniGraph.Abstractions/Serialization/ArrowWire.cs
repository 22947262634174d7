using System.Buffers;
using System.Collections.Concurrent;
using OmniGraph.Arrow.Hashing;
using System.Runtime.CompilerServices;
using OmniGraph.Arrow;
using Orleans.Serialization.Buffers;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// How Arrow data crosses a grain boundary: field 0 is a descriptor (row count, the nodes of
/// <see cref="ArrowColumnParts.Flatten"/>, the schema as Arrow IPC Schema bytes), then one length-prefixed field per
/// buffer, written straight from the column's memory. No per-value work either way: the reader builds the columns over
/// the received buffers (<see cref="ArrowColumnParts.Assemble"/>). Schemas are encoded once per schema instance and
/// decoded once per distinct encoding (tables share one schema object across their batches).
/// </summary>
internal static class ArrowWire
{
    private const int MaxCachedSchemas = 1024;

    private static readonly ConditionalWeakTable<ArrowSchema, byte[]> s_encodedSchemas = [];
    private static readonly ConcurrentDictionary<ulong, (byte[] Bytes, ArrowSchema Schema)> s_decodedSchemas = new();

    /// <summary>Writes <paramref name="columns"/> of <paramref name="schema"/> (<paramref name="length"/> rows) as the fields of the current object.</summary>
    public static void WriteBatch<TBufferWriter>(ref Writer<TBufferWriter> writer, ArrowSchema schema, int length, IReadOnlyList<ArrowColumn> columns)
        where TBufferWriter : IBufferWriter<byte>
    {
        var nodes = new List<ArrowNode>();
        var buffers = new List<ReadOnlyMemory<byte>>();
        foreach (var column in columns)
        {
            ArrowColumnParts.Flatten(column, nodes, buffers);
        }

        var descriptor = new WireBlob.Builder();
        descriptor.Int32(length);
        descriptor.Int32(nodes.Count);
        foreach (var node in nodes)
        {
            descriptor.Int32(node.Length);
            descriptor.Int32(node.NullCount);
        }

        descriptor.Int32(buffers.Count);
        descriptor.Bytes(s_encodedSchemas.GetValue(schema, ArrowColumnParts.EncodeSchema));
        WireBlob.WriteBytesField(ref writer, 0, descriptor.Written);
        foreach (var buffer in buffers)
        {
            WireBlob.WriteBytesField(ref writer, 1, buffer.Span);
        }
    }

    /// <summary>Reads what <see cref="WriteBatch"/> wrote (the object's fields up to its end).</summary>
    public static (ArrowSchema Schema, int Length, ArrowColumn[] Columns) ReadBatch<TInput>(ref Reader<TInput> reader)
    {
        var descriptorBytes = WireBlob.ReadBytesField(ref reader, WireBlob.NextField(ref reader, "Arrow data"));
        var descriptor = new WireBlob.Cursor(descriptorBytes);
        var length = descriptor.Int32();
        var nodes = new ArrowNode[descriptor.Int32()];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new ArrowNode(descriptor.Int32(), descriptor.Int32());
        }

        var buffers = new ReadOnlyMemory<byte>[descriptor.Int32()];
        var schema = DecodeSchema(descriptor.Bytes());
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = WireBlob.ReadBytesField(ref reader, WireBlob.NextField(ref reader, "Arrow data"));
        }

        WireBlob.SkipToEnd(ref reader);
        var columns = new ArrowColumn[schema.FieldCount];
        var nextNode = 0;
        var nextBuffer = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ArrowColumnParts.Assemble(schema.Fields[i].Type, nodes, buffers, ref nextNode, ref nextBuffer);
        }

        return (schema, length, columns);
    }

    private static ArrowSchema DecodeSchema(ReadOnlySpan<byte> bytes)
    {
        var hash = XxHash64.Hash(bytes);
        if (s_decodedSchemas.TryGetValue(hash, out var cached) && bytes.SequenceEqual(cached.Bytes))
        {
            return cached.Schema;
        }

        var schema = ArrowColumnParts.DecodeSchema(bytes);
        if (s_decodedSchemas.Count >= MaxCachedSchemas)
        {
            s_decodedSchemas.Clear();
        }

        s_decodedSchemas[hash] = (bytes.ToArray(), schema);
        return schema;
    }
}
