using System.Buffers;
using OmniGraph.Arrow;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace OmniGraph.Abstractions.Serialization;
/// <summary>
/// The Orleans codec of Arrow columns of type <typeparamref name="TColumn"/> (a concrete column type, or
/// <see cref="ArrowColumn"/> itself): the column's buffers, written directly. The concrete type follows from the Arrow
/// type on the wire, so a column written as <see cref="ArrowColumn"/> reads back as the same concrete column.
/// </summary>
public abstract class ArrowColumnCodec<TColumn> : IFieldCodec<TColumn>
    where TColumn : ArrowColumn
{
    private const string ColumnFieldName = "column";

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TColumn? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteStartObject(fieldIdDelta, expectedType, typeof(TColumn));
        var schema = new ArrowSchema([new ArrowField(ColumnFieldName, value.Type, isNullable: true)]);
        ArrowWire.WriteBatch(ref writer, schema, value.Length, [value]);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public TColumn ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<TColumn, TInput>(ref reader, field)!;
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        var (_, _, columns) = ArrowWire.ReadBatch(ref reader);
        var column = columns is [TColumn typed]
            ? typed
            : throw new InvalidDataException($"expected one {typeof(TColumn).Name}, read {string.Join(", ", columns.Select(static c => c.GetType().Name))}");
        ReferenceCodec.RecordObject(reader.Session, column, placeholder);
        return column;
    }
}

/// <summary>Codec of <see cref="ArrowColumn"/> fields (any concrete column).</summary>
[RegisterSerializer]
public sealed class AnyArrowColumnCodec : ArrowColumnCodec<ArrowColumn>;

/// <summary>Codec of <see cref="Utf8Column"/> fields (key batches, expansions, selections).</summary>
[RegisterSerializer]
public sealed class Utf8ColumnCodec : ArrowColumnCodec<Utf8Column>;

/// <summary>Codec of <see cref="BinaryColumn"/> fields.</summary>
[RegisterSerializer]
public sealed class BinaryColumnCodec : ArrowColumnCodec<BinaryColumn>;

/// <summary>Codec of <see cref="BooleanColumn"/> fields.</summary>
[RegisterSerializer]
public sealed class BooleanColumnCodec : ArrowColumnCodec<BooleanColumn>;

/// <summary>Codec of <see cref="ListColumn"/> fields.</summary>
[RegisterSerializer]
public sealed class ListColumnCodec : ArrowColumnCodec<ListColumn>;

/// <summary>Codec of <see cref="FixedSizeListColumn"/> fields.</summary>
[RegisterSerializer]
public sealed class FixedSizeListColumnCodec : ArrowColumnCodec<FixedSizeListColumn>;

/// <summary>Codec of <see cref="PrimitiveColumn{T}"/> fields.</summary>
[RegisterSerializer]
public sealed class PrimitiveColumnCodec<T> : ArrowColumnCodec<PrimitiveColumn<T>>
    where T : unmanaged;
