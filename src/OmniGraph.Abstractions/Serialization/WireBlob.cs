using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// The small fixed parts of a value our codecs write (lengths, names, a schema) as one length-prefixed field of
/// little-endian numbers and UTF-8 strings, and raw buffers as length-prefixed fields of their own. Neither takes part
/// in Orleans' reference tracking, so the reader sees exactly what the writer wrote, field by field.
/// </summary>
internal static class WireBlob
{
    /// <summary>Writes <paramref name="bytes"/> as a length-prefixed field.</summary>
    public static void WriteBytesField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, ReadOnlySpan<byte> bytes)
        where TBufferWriter : IBufferWriter<byte>
    {
        writer.WriteFieldHeader(fieldIdDelta, typeof(byte[]), typeof(byte[]), WireType.LengthPrefixed);
        writer.WriteVarUInt32((uint)bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Reads a field written by <see cref="WriteBytesField"/> into a new array.</summary>
    public static byte[] ReadBytesField<TInput>(ref Reader<TInput> reader, Field field)
    {
        field.EnsureWireType(WireType.LengthPrefixed);
        var length = reader.ReadVarUInt32();
        return length == 0 ? [] : reader.ReadBytes(length);
    }

    /// <summary>Reads the next field header, which must not end the object.</summary>
    public static Field NextField<TInput>(ref Reader<TInput> reader, string what)
    {
        var field = reader.ReadFieldHeader();
        return field.IsEndBaseOrEndObject ? throw new InvalidDataException($"{what} ended early") : field;
    }

    /// <summary>Skips every remaining field (written by a newer peer) up to the end of the object.</summary>
    public static void SkipToEnd<TInput>(ref Reader<TInput> reader)
    {
        while (true)
        {
            var field = reader.ReadFieldHeader();
            if (field.IsEndBaseOrEndObject)
            {
                return;
            }

            reader.ConsumeUnknownField(field);
        }
    }

    /// <summary>A growable blob of numbers and strings.</summary>
    public sealed class Builder
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(sizeof(int)), value);
            _buffer.Advance(sizeof(int));
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(sizeof(long)), value);
            _buffer.Advance(sizeof(long));
        }

        public void Byte(byte value)
        {
            _buffer.GetSpan(1)[0] = value;
            _buffer.Advance(1);
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Int32(value.Length);
            value.CopyTo(_buffer.GetSpan(value.Length));
            _buffer.Advance(value.Length);
        }

        /// <summary>A string, or null (length -1).</summary>
        public void String(string? value)
        {
            if (value is null)
            {
                Int32(-1);
                return;
            }

            var length = Encoding.UTF8.GetByteCount(value);
            Int32(length);
            Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
            _buffer.Advance(length);
        }
    }

    /// <summary>Reads what a <see cref="Builder"/> wrote, in the same order.</summary>
    public ref struct Cursor(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public int Int32()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[sizeof(int)..];
            return value;
        }

        public long Int64()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_rest);
            _rest = _rest[sizeof(long)..];
            return value;
        }

        public byte Byte()
        {
            var value = _rest[0];
            _rest = _rest[1..];
            return value;
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = Int32();
            var value = _rest[..length];
            _rest = _rest[length..];
            return value;
        }

        public string? String()
        {
            var length = Int32();
            if (length < 0)
            {
                return null;
            }

            var value = Encoding.UTF8.GetString(_rest[..length]);
            _rest = _rest[length..];
            return value;
        }
    }
}
