using System.Buffers;
using OmniGraph.Arrow;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// The Orleans codec of a record batch: its buffers, written directly (<see cref="ArrowWire"/>). A batch that appears
/// twice in one message is written once (Orleans' reference tracking).
/// </summary>
[RegisterSerializer]
public sealed class RecordBatchCodec : IFieldCodec<RecordBatch>
{
    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, RecordBatch? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteStartObject(fieldIdDelta, expectedType, typeof(RecordBatch));
        ArrowWire.WriteBatch(ref writer, value.Schema, value.Length, value.Columns);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public RecordBatch ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<RecordBatch, TInput>(ref reader, field)!;
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        var (schema, length, columns) = ArrowWire.ReadBatch(ref reader);
        var batch = new RecordBatch(schema, columns, length);
        ReferenceCodec.RecordObject(reader.Session, batch, placeholder);
        return batch;
    }
}
