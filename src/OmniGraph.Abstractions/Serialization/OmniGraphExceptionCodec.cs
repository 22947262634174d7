using System.Buffers;
using System.Collections.Concurrent;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// The one Orleans codec of every <see cref="OmniGraphException"/>: an error thrown in a grain arrives at the caller —
/// in another silo or a client process too — as the same type with the same code, kind, message, typed details,
/// inner exception and the remote stack trace. It writes the parts each error is made of
/// (<see cref="OmniGraphException.Rebuild"/>) and the type by name; the reader accepts only
/// <see cref="OmniGraphException"/> types (an unknown one arrives as <see cref="OmniGraphException"/> itself, with its
/// code). Registered for <see cref="OmniGraphException"/> and, through <see cref="ISpecializableCodec"/>, for every
/// subclass (<see cref="OmniGraphSerializerBuilderExtensions.AddOmniGraphSerializers"/>). Errors are never written as
/// references, like Orleans' own exception codec.
/// </summary>
[RegisterSerializer]
public sealed class OmniGraphExceptionCodec(ICodecProvider codecs) : IFieldCodec<OmniGraphException>, ISpecializableCodec
{
    private const byte NullValue = 0;
    private const byte TextValue = 1;
    private const byte NumberValue = 2;
    private const byte FalseValue = 3;
    private const byte TrueValue = 4;

    private static readonly ConcurrentDictionary<string, Type> s_types = new(StringComparer.Ordinal);

    private IFieldCodec<Exception>? _innerCodec;

    private IFieldCodec<Exception> InnerCodec => _innerCodec ??= codecs.GetCodec<Exception>();

    /// <inheritdoc />
    public bool IsSupportedType(Type type) => typeof(OmniGraphException).IsAssignableFrom(type);

    /// <inheritdoc />
    public IFieldCodec GetSpecializedCodec(Type type) => this;

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, OmniGraphException? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (value is null)
        {
            ReferenceCodec.WriteNullReference(ref writer, fieldIdDelta);
            return;
        }

        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteStartObject(fieldIdDelta, expectedType, typeof(OmniGraphException));
        var parts = new WireBlob.Builder();
        var type = value.GetType();
        parts.String($"{type.FullName}, {type.Assembly.GetName().Name}");
        parts.String(value.Code);
        parts.String(value.Message);
        parts.String(value.StackTrace);
        parts.Int32(value.Details.Count);
        foreach (var (name, detail) in value.Details)
        {
            parts.String(name);
            switch (detail)
            {
                case null:
                    parts.Byte(NullValue);
                    break;
                case string text:
                    parts.Byte(TextValue);
                    parts.String(text);
                    break;
                case long number:
                    parts.Byte(NumberValue);
                    parts.Int64(number);
                    break;
                case bool flag:
                    parts.Byte(flag ? TrueValue : FalseValue);
                    break;
            }
        }

        WireBlob.WriteBytesField(ref writer, 0, parts.Written);
        if (value.InnerException is { } inner)
        {
            InnerCodec.WriteField(ref writer, 1, typeof(Exception), inner);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public OmniGraphException ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            // Only a null is ever written as a reference.
            return ReferenceCodec.ReadReference<OmniGraphException, TInput>(ref reader, field)!;
        }

        field.EnsureWireTypeTagDelimited();
        ReferenceCodec.MarkValueField(reader.Session);
        var parts = WireBlob.ReadBytesField(ref reader, WireBlob.NextField(ref reader, "an error"));
        Exception? inner = null;
        while (true)
        {
            var next = reader.ReadFieldHeader();
            if (next.IsEndBaseOrEndObject)
            {
                break;
            }

            if (next.FieldIdDelta == 1 && inner is null)
            {
                inner = InnerCodec.ReadValue(ref reader, next);
            }
            else
            {
                reader.ConsumeUnknownField(next);
            }
        }

        return Rebuild(parts, inner);
    }

    private static OmniGraphException Rebuild(ReadOnlySpan<byte> bytes, Exception? inner)
    {
        var cursor = new WireBlob.Cursor(bytes);
        var typeName = cursor.String() ?? string.Empty;
        var code = cursor.String() ?? ErrorCodes.Internal;
        var message = cursor.String() ?? string.Empty;
        var stackTrace = cursor.String();
        var details = new KeyValuePair<string, object?>[cursor.Int32()];
        for (var i = 0; i < details.Length; i++)
        {
            var name = cursor.String() ?? string.Empty;
            details[i] = new(name, cursor.Byte() switch
            {
                TextValue => cursor.String(),
                NumberValue => cursor.Int64(),
                FalseValue => false,
                TrueValue => true,
                _ => null,
            });
        }

        if (!ErrorCatalog.Contains(code))
        {
            // A code this side does not know (a newer peer): keep it in the message, report the error as internal.
            (code, message, typeName) = (ErrorCodes.Internal, $"{message} (error code {code})", string.Empty);
        }

        var type = s_types.GetOrAdd(typeName, Resolve);
        return OmniGraphException.Rebuild(type, code, message, ErrorDetails.Of(details), inner, stackTrace);
    }

    /// <summary>The exception type named on the wire, if it is an <see cref="OmniGraphException"/> loaded here; else the base type.</summary>
    private static Type Resolve(string typeName) =>
        Type.GetType(typeName, throwOnError: false) is { } type && typeof(OmniGraphException).IsAssignableFrom(type) && !type.IsAbstract
            ? type
            : typeof(OmniGraphException);
}
