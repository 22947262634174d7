using System.Buffers.Binary;
using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc.Reading;

/// <summary>
/// The location of one encapsulated IPC message (prefix, Message FlatBuffer, body) inside the input, after its
/// framing was checked: the metadata and the declared body both lie within the allowed range.
/// </summary>
internal readonly struct IpcMessage
{
    private IpcMessage(int start, int metadataStart, int metadataLength, int bodyStart, int bodyLength, byte headerType)
    {
        Start = start;
        MetadataStart = metadataStart;
        MetadataLength = metadataLength;
        BodyStart = bodyStart;
        BodyLength = bodyLength;
        HeaderType = headerType;
    }

    /// <summary>Position of the continuation marker.</summary>
    public int Start { get; }

    /// <summary>Position of the Message FlatBuffer.</summary>
    public int MetadataStart { get; }

    /// <summary>Length of the Message FlatBuffer including its padding (the prefix's length field).</summary>
    public int MetadataLength { get; }

    public int BodyStart { get; }

    public int BodyLength { get; }

    /// <summary>The MessageHeader union type (Schema, RecordBatch, ...).</summary>
    public byte HeaderType { get; }

    /// <summary>Position just after the body: where the next message starts.</summary>
    public int End => BodyStart + BodyLength;

    /// <summary>The Message table (re-opened over the input; cheap).</summary>
    public FlatTable GetMessageTable(ReadOnlySpan<byte> input) =>
        FlatTable.GetRoot(input.Slice(MetadataStart, MetadataLength), "Message");

    /// <summary>The Message FlatBuffer bytes, which the message's tables are relative to.</summary>
    public ReadOnlySpan<byte> GetMetadata(ReadOnlySpan<byte> input) => input.Slice(MetadataStart, MetadataLength);

    /// <summary>
    /// Reads the message starting at <paramref name="position"/> that must end by <paramref name="limit"/>.
    /// Returns false at an end-of-stream marker (continuation + zero length).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> input, int position, int limit, out IpcMessage message)
    {
        message = default;
        if (position < 0 || limit > input.Length || position > limit - 8)
        {
            ThrowHelper.ThrowInvalidFile($"A message prefix at {position} is cut off (the data ends at {limit}).");
        }

        var marker = BinaryPrimitives.ReadUInt32LittleEndian(input[position..]);
        if (marker != ContinuationMarker)
        {
            ThrowHelper.ThrowInvalidFile($"Expected a message continuation marker at {position}, found 0x{marker:x8} (pre-0.15 framing is not supported).");
        }

        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(input[(position + 4)..]);
        if (metadataLength == 0)
        {
            return false;
        }

        var metadataStart = position + 8;
        if (metadataLength < 0 || metadataLength > limit - metadataStart)
        {
            ThrowHelper.ThrowInvalidFile($"The message at {position} declares {metadataLength} metadata bytes, beyond the data.");
        }

        var table = FlatTable.GetRoot(input.Slice(metadataStart, metadataLength), "Message");
        var version = table.GetInt16(MessageSlots.Version, 0);
        if (version is not (MetadataVersionV4 or MetadataVersionV5))
        {
            ThrowHelper.ThrowUnsupported($"The message at {position} uses metadata version {version}; V4 and V5 are supported.");
        }

        var bodyLength = table.GetInt64(MessageSlots.BodyLength, 0);
        var bodyStart = metadataStart + metadataLength;
        if (bodyLength < 0 || bodyLength > limit - bodyStart)
        {
            ThrowHelper.ThrowInvalidFile($"The message at {position} declares a {bodyLength}-byte body, beyond the data.");
        }

        var headerType = table.GetByte(MessageSlots.HeaderType, 0);
        message = new IpcMessage(position, metadataStart, metadataLength, bodyStart, (int)bodyLength, headerType);
        return true;
    }
}
