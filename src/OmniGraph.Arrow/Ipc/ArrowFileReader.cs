using System.Buffers.Binary;
using OmniGraph.Arrow.Integrity;
using OmniGraph.Arrow.Internal;
using OmniGraph.Arrow.Ipc.FlatBuffers;
using OmniGraph.Arrow.Ipc.Reading;
using OmniGraph.Arrow.Ipc.Writing;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Ipc;

/// <summary>
/// Reads an Arrow IPC file held in memory (as an object store returns it). <see cref="Open"/> checks the framing,
/// the footer and — when the file carries one — the OmniGraph checksum over every byte; record batches are then
/// decoded on demand into columns that are zero-copy views of <see cref="Memory"/>, so keep that memory alive and
/// unchanged while the columns are in use. Every malformed input raises an <see cref="OmniGraphException"/> with an <c>arrow_*</c> code.
/// An instance is immutable and safe to use from several threads.
/// </summary>
public sealed class ArrowFileReader
{
    private readonly FileBlock[] _blocks;
    private readonly int _footerStart;
    private readonly ArrowReadOptions _options;

    private ArrowFileReader(ReadOnlyMemory<byte> memory, ArrowSchema schema, FileBlock[] blocks, int footerStart, bool isChecksumVerified, ArrowReadOptions options)
    {
        Memory = memory;
        Schema = schema;
        _blocks = blocks;
        _footerStart = footerStart;
        IsChecksumVerified = isChecksumVerified;
        _options = options;
    }

    /// <summary>The whole file; every column read points into it.</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    public ArrowSchema Schema { get; }

    public int RecordBatchCount => _blocks.Length;

    /// <summary>True when the file carried an OmniGraph checksum and it matched.</summary>
    public bool IsChecksumVerified { get; }

    /// <summary>Opens a file: validates magic, trailer, footer, schema and (when present) the checksum.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>, <c>arrow_unsupported</c> or <c>arrow_checksum_mismatch</c>: The bytes are not a readable Arrow IPC file, or fail the checksum.</exception>
    public static ArrowFileReader Open(ReadOnlyMemory<byte> file, ArrowReadOptions? options = null)
    {
        options ??= ArrowReadOptions.Default;
        options.Validate();
        var span = file.Span;
        const int minimumLength = FileHeaderLength + sizeof(int) + 6;
        if (span.Length < minimumLength)
        {
            ThrowHelper.ThrowInvalidFile($"{span.Length} bytes is too short for an Arrow IPC file.");
        }

        if (!span[..Magic.Length].SequenceEqual(Magic) || !span[^Magic.Length..].SequenceEqual(Magic))
        {
            ThrowHelper.ThrowInvalidFile("The data does not start and end with the Arrow file magic \"ARROW1\".");
        }

        var footerLengthPosition = span.Length - Magic.Length - sizeof(int);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(span[footerLengthPosition..]);
        if (footerLength <= 0 || footerLength > footerLengthPosition - FileHeaderLength)
        {
            ThrowHelper.ThrowInvalidFile($"The footer length {footerLength} does not fit in the file.");
        }

        var footerStart = footerLengthPosition - footerLength;
        var footerBytes = span.Slice(footerStart, footerLength);
        var footer = FlatTable.GetRoot(footerBytes, "Footer");

        // Integrity first, so a corrupted file reports a checksum mismatch rather than whichever structure broke.
        var checksumTextPosition = FindChecksumText(footer, footerBytes, out var checksumTextLength);
        var verified = false;
        if (checksumTextPosition >= 0 && options.VerifyChecksum)
        {
            VerifyChecksum(span, footerStart + checksumTextPosition, checksumTextLength);
            verified = true;
        }

        // The footer's schema is authoritative. Most writers (and ours) also put a Schema message first; the JS
        // library does not. When present, it must agree with the footer and may carry the integrity marker.
        var hasSchemaMessage = IpcMessage.TryRead(span, FileHeaderLength, footerStart, out var firstMessage)
            && firstMessage.HeaderType == MessageHeaderIds.Schema;
        var marked = false;
        var scheme = string.Empty;
        if (hasSchemaMessage)
        {
            var messageMetadata = SchemaDecoder.DecodeMetadata(firstMessage.GetMessageTable(span), MessageSlots.CustomMetadata);
            marked = messageMetadata.TryGetValue(FileChecksum.MarkerKey, out scheme);
        }

        if (options.VerifyChecksum && !verified && (marked || options.RequireChecksum))
        {
            ThrowHelper.ThrowChecksumMismatch(marked
                ? "The file is marked as checksummed but its footer checksum is missing or unreadable."
                : "The file carries no OmniGraph checksum and the reader requires one.");
        }

        if (marked && scheme != FileChecksum.MarkerValue)
        {
            ThrowHelper.ThrowUnsupported($"Unknown OmniGraph integrity scheme '{scheme}'.");
        }

        var version = footer.GetInt16(FooterSlots.Version, 0);
        if (version is not (MetadataVersionV4 or MetadataVersionV5))
        {
            ThrowHelper.ThrowUnsupported($"The footer uses metadata version {version}; V4 and V5 are supported.");
        }

        if (!footer.TryGetTable(FooterSlots.Schema, "Schema", out var footerSchemaTable))
        {
            ThrowHelper.ThrowInvalidFile("The footer has no schema.");
        }

        var schema = SchemaDecoder.Decode(footerSchemaTable, options.MaxNestingDepth);
        if (hasSchemaMessage
            && (!firstMessage.GetMessageTable(span).TryGetTable(MessageSlots.Header, "Schema", out var messageSchemaTable)
                || !SchemaDecoder.Decode(messageSchemaTable, options.MaxNestingDepth).Equals(schema)))
        {
            ThrowHelper.ThrowInvalidFile("The Schema message and the footer schema differ.");
        }

        if (footer.TryGetVector(FooterSlots.Dictionaries, BlockSize, out var dictionaries) && dictionaries.Count > 0)
        {
            ThrowHelper.ThrowUnsupported("Dictionary-encoded files are not supported.");
        }

        var blocks = ReadBlocks(footer, hasSchemaMessage ? firstMessage.End : FileHeaderLength, footerStart);
        return new ArrowFileReader(file, schema, blocks, footerStart, verified, options);
    }

    /// <summary>Opens <paramref name="file"/> and decodes every record batch.</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>, <c>arrow_unsupported</c> or <c>arrow_checksum_mismatch</c>: The bytes are not a readable Arrow IPC file.</exception>
    public static (ArrowSchema Schema, IReadOnlyList<RecordBatch> Batches) ReadAll(ReadOnlyMemory<byte> file, ArrowReadOptions? options = null)
    {
        var reader = Open(file, options);
        return (reader.Schema, reader.ReadAllRecordBatches());
    }

    /// <summary>Decodes record batch <paramref name="index"/> (zero-copy over <see cref="Memory"/>).</summary>
    /// <exception cref="OmniGraphException">Code <c>arrow_invalid_file</c>, <c>arrow_unsupported</c> or <c>arrow_checksum_mismatch</c>: The batch's message or buffers are malformed.</exception>
    public RecordBatch ReadRecordBatch(int index)
    {
        if ((uint)index >= (uint)_blocks.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The file has {_blocks.Length} record batches.");
        }

        var block = _blocks[index];
        var span = Memory.Span;
        if (!IpcMessage.TryRead(span, (int)block.Offset, _footerStart, out var message))
        {
            ThrowHelper.ThrowInvalidFile($"Record batch {index} points at an end-of-stream marker.");
        }

        if (8 + (long)message.MetadataLength != block.MetadataLength || message.BodyLength != block.BodyLength)
        {
            ThrowHelper.ThrowInvalidFile($"Record batch {index}: the footer block disagrees with the message it points at.");
        }

        return RecordBatchDecoder.Decode(Memory, message, Schema, _options);
    }

    /// <summary>Decodes every record batch, in file order.</summary>
    public IReadOnlyList<RecordBatch> ReadAllRecordBatches()
    {
        var batches = new RecordBatch[_blocks.Length];
        for (var i = 0; i < batches.Length; i++)
        {
            batches[i] = ReadRecordBatch(i);
        }

        return batches;
    }

    /// <summary>Position (within the footer) of the checksum text, or -1 when the footer has no checksum entry.</summary>
    private static int FindChecksumText(FlatTable footer, ReadOnlySpan<byte> footerBytes, out int length)
    {
        length = 0;
        if (!footer.TryGetVector(FooterSlots.CustomMetadata, sizeof(uint), out var entries))
        {
            return -1;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries.GetTable(i, "KeyValue");
            if (entry.TryGetStringBytes(KeyValueSlots.Key, out var keyStart, out var keyLength)
                && footerBytes.Slice(keyStart, keyLength).SequenceEqual(FileChecksum.FooterKeyUtf8))
            {
                if (!entry.TryGetStringBytes(KeyValueSlots.Value, out var valueStart, out length))
                {
                    ThrowHelper.ThrowChecksumMismatch("The footer checksum entry has no value.");
                }

                return valueStart;
            }
        }

        return -1;
    }

    private static void VerifyChecksum(ReadOnlySpan<byte> file, int textPosition, int textLength)
    {
        if (!FileChecksum.TryParse(file.Slice(textPosition, textLength), out var expected))
        {
            ThrowHelper.ThrowChecksumMismatch("The footer checksum is not 8 lowercase hex digits.");
        }

        var actual = FileChecksum.Compute(file, textPosition);
        if (actual != expected)
        {
            ThrowHelper.ThrowChecksumMismatch($"The file's CRC-32C is {FileChecksum.Format(actual)} but its footer records {FileChecksum.Format(expected)}: the file is corrupt.");
        }
    }

    private static FileBlock[] ReadBlocks(FlatTable footer, int firstBatchStart, int footerStart)
    {
        if (!footer.TryGetVector(FooterSlots.RecordBatches, BlockSize, out var vector))
        {
            return [];
        }

        var blocks = new FileBlock[vector.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var offset = vector.GetStructInt64(i, 0);
            var metadataLength = vector.GetStructInt32(i, sizeof(long));
            var bodyLength = vector.GetStructInt64(i, sizeof(long) + sizeof(long));
            if (offset < firstBatchStart || metadataLength < 8 || bodyLength < 0
                || offset > footerStart || metadataLength > footerStart - offset || bodyLength > footerStart - offset - metadataLength)
            {
                ThrowHelper.ThrowInvalidFile($"Record batch block {i} ([{offset}, +{metadataLength}+{bodyLength})) lies outside the file's message area.");
            }

            blocks[i] = new FileBlock(offset, metadataLength, bodyLength);
        }

        return blocks;
    }
}
