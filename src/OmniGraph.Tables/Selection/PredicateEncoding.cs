using System.Buffers.Binary;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// Encodes the constant of an equality filter the way <see cref="TupleEncoding"/> encodes a stored value of the column,
/// so a <c>@unique</c> or <c>@index</c> index can answer it. A constant the column cannot hold (2.7 for an I32 column)
/// matches nothing; float columns are not answered by index (NaN payloads and -0.0 would not match bit for bit).
/// </summary>
internal static class PredicateEncoding
{
    public static EncodingOutcome TryEncode(ArrowType columnType, PredicateValue value, ByteScratch scratch)
    {
        scratch.Reset();
        Span<byte> buffer = stackalloc byte[8];
        switch (columnType.Id)
        {
            case ArrowTypeId.Utf8 when value.Kind == PredicateValueKind.String:
                var utf8 = value.GetUtf8();
                scratch.AppendInt32(utf8.Length);
                scratch.Append(utf8);
                return EncodingOutcome.Encoded;
            case ArrowTypeId.Boolean when value.Kind == PredicateValueKind.Bool:
                scratch.AppendByte(value.Low != 0 ? (byte)1 : (byte)0);
                return EncodingOutcome.Encoded;
            case ArrowTypeId.Date32 when value.Kind == PredicateValueKind.Date:
                BinaryPrimitives.WriteInt32LittleEndian(buffer, (int)value.Low);
                scratch.Append(buffer[..4]);
                return EncodingOutcome.Encoded;
            case ArrowTypeId.Timestamp when value.Kind == PredicateValueKind.DateTime:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, value.Low);
                scratch.Append(buffer);
                return EncodingOutcome.Encoded;
            case ArrowTypeId.Int32 or ArrowTypeId.Int64 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64
                when value.Kind is PredicateValueKind.Integer or PredicateValueKind.Float:
                if (!TryExactInteger(value, out var integer))
                {
                    return EncodingOutcome.NoMatch;
                }

                return columnType.Id switch
                {
                    ArrowTypeId.Int32 => Write(integer, int.MinValue, int.MaxValue, 4, buffer, scratch),
                    ArrowTypeId.Int64 => Write(integer, long.MinValue, long.MaxValue, 8, buffer, scratch),
                    ArrowTypeId.UInt32 => Write(integer, uint.MinValue, uint.MaxValue, 4, buffer, scratch),
                    _ => Write(integer, ulong.MinValue, ulong.MaxValue, 8, buffer, scratch),
                };
            default:
                return EncodingOutcome.Unsupported;
        }
    }

    private static bool TryExactInteger(PredicateValue value, out Int128 integer)
    {
        if (value.Kind == PredicateValueKind.Integer)
        {
            integer = value.AsInteger();
            return true;
        }

        return NumericOrder.TryGetExactInteger(value.AsFloat(), out integer);
    }

    private static EncodingOutcome Write(Int128 value, Int128 min, Int128 max, int width, Span<byte> buffer, ByteScratch scratch)
    {
        if (value < min || value > max)
        {
            return EncodingOutcome.NoMatch;
        }

        // Two's complement little-endian of the low bytes is the stored layout of every integer width.
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, (ulong)value);
        scratch.Append(buffer[..width]);
        return EncodingOutcome.Encoded;
    }
}

/// <summary>What <see cref="PredicateEncoding.TryEncode"/> produced.</summary>
internal enum EncodingOutcome : byte
{
    /// <summary>The key is in the scratch buffer.</summary>
    Encoded,

    /// <summary>No value of the column can equal the constant.</summary>
    NoMatch,

    /// <summary>The column is not answered by index; scan instead.</summary>
    Unsupported,
}
