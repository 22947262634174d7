using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Ipc;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>File-format specifics: layout, alignment, the integrity checksum, writer and reader API behaviour.</summary>
public sealed class ArrowFileTests
{
    private static readonly ArrowSchema s_schema = new([new ArrowField("id", ArrowType.Int64, false), new ArrowField("name", ArrowType.Utf8, true)]);

    private static RecordBatch Batch(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var ids = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        var names = new Utf8ColumnBuilder();
        for (var i = 0; i < rows; i++)
        {
            ids.Append(random.NextInt64());
            names.Append(i % 4 == 0 ? null : $"name {i}");
        }

        return new RecordBatch(s_schema, [ids.Build(), names.Build()]);
    }

    [Fact]
    public void File_HasMagicAtBothEndsAndATrailingFooterLength()
    {
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [Batch(10)]);

        Assert.Equal("ARROW1\0\0"u8.ToArray(), bytes[..8]);
        Assert.Equal("ARROW1"u8.ToArray(), bytes[^6..]);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 10));
        Assert.InRange(footerLength, 1, bytes.Length - 18);
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0], bytes[(bytes.Length - 10 - footerLength - 8)..(bytes.Length - 10 - footerLength)]);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    public void BodyBuffers_AreAlignedWithinTheFile(int alignment)
    {
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [Batch(3), Batch(17)], new ArrowWriteOptions { Alignment = alignment });

        foreach (var batch in ArrowFileReader.Open(bytes).ReadAllRecordBatches())
        {
            var values = MemoryMarshal.AsBytes(((PrimitiveColumn<long>)batch.Column(0)).Values);
            var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(bytes), ref MemoryMarshal.GetReference(values));
            Assert.Equal(0, offset % alignment);
            var offsets = MemoryMarshal.AsBytes(((Utf8Column)batch.Column(1)).Offsets);
            offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(bytes), ref MemoryMarshal.GetReference(offsets));
            Assert.Equal(0, offset % alignment);
        }
    }

    /// <summary>
    /// The sized variant writes the same bytes into one buffer sized up front: not a doubled one (which would hold up to
    /// twice the file), and never copied out of it.
    /// </summary>
    [Fact]
    public void WriteToMemory_GivesTheFileBytesInOneBufferSizedUpFront()
    {
        RecordBatch[] batches = [Batch(200_000, 3), Batch(17, 4)];

        var memory = ArrowFileWriter.WriteToMemory(s_schema, batches);

        Assert.Equal(ArrowFileWriter.WriteToArray(s_schema, batches), memory.ToArray());
        Assert.True(MemoryMarshal.TryGetArray(memory, out var segment));
        Assert.Equal(0, segment.Offset);
        Assert.InRange(segment.Array!.Length, memory.Length, memory.Length + (128 * 1024));
        Assert.Equal(2, ArrowFileReader.ReadAll(memory).Batches.Count);
    }

    /// <summary>The pooled variant writes the same bytes, into a rented array that goes back to the pool once disposed.</summary>
    [Fact]
    public void WriteToPooled_GivesTheSameBytes_AndRefusesUseAfterDispose()
    {
        RecordBatch[] batches = [Batch(200_000, 3), Batch(17, 4)];

        var pooled = ArrowFileWriter.WriteToPooled(s_schema, batches);

        Assert.Equal(ArrowFileWriter.WriteToArray(s_schema, batches), pooled.WrittenMemory.ToArray());
        Assert.Equal(2, ArrowFileReader.ReadAll(pooled.WrittenMemory).Batches.Count);
        pooled.Dispose();
        pooled.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pooled.WrittenMemory);
    }

    /// <summary>An estimate that falls short only costs a larger rented array: the bytes written so far move over intact.</summary>
    [Fact]
    public void PooledBytes_GrowsPastItsFirstArray_KeepingTheBytes()
    {
        using var pooled = new PooledBytes(16);
        var expected = new byte[10_000];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (byte)(i * 7);
        }

        for (var i = 0; i < expected.Length; i += 1_000)
        {
            expected.AsSpan(i, 1_000).CopyTo(pooled.GetSpan(1_000));
            pooled.Advance(1_000);
        }

        Assert.Equal(expected, pooled.WrittenMemory.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Advance(pooled.GetSpan().Length + 1));
    }

    [Fact]
    public void StreamAndBufferWriterOutputs_AreIdentical()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var toBuffer = new ArrowFileWriter(buffer, s_schema);
        using var stream = new MemoryStream();
        var toStream = new ArrowFileWriter(stream, s_schema);
        foreach (var batch in new[] { Batch(5), Batch(0), Batch(9) })
        {
            toBuffer.WriteRecordBatch(batch);
            toStream.WriteRecordBatch(batch);
        }

        toBuffer.Finish();
        toStream.Finish();

        Assert.Equal(buffer.WrittenSpan.ToArray(), stream.ToArray());
        Assert.Equal(stream.Length, toStream.BytesWritten);
    }

    [Fact]
    public void Writer_CannotWriteAfterFinish()
    {
        var writer = new ArrowFileWriter(new ArrayBufferWriter<byte>(), s_schema);
        writer.Finish();

        Assert.Throws<InvalidOperationException>(() => writer.WriteRecordBatch(Batch(1)));
        Assert.Throws<InvalidOperationException>(() => writer.Finish());
    }

    [Fact]
    public void StreamWriter_CannotWriteAfterFinish()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new ArrowStreamWriter(output, s_schema);
        writer.WriteRecordBatch(Batch(2));
        writer.Finish();
        var written = output.WrittenCount;

        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteRecordBatch(Batch(1)));
        Assert.Throws<InvalidOperationException>(() => writer.Finish());

        Assert.Equal("The stream is already finished.", error.Message);
        Assert.Equal(written, output.WrittenCount);
        Assert.Equal(written, writer.BytesWritten);
    }

    /// <summary>Nothing is written before the first batch or <c>Finish</c>: the header and Schema message come with it.</summary>
    [Fact]
    public void Writers_WriteNothingUntilTheFirstBatch()
    {
        var file = new ArrowFileWriter(new ArrayBufferWriter<byte>(), s_schema);
        var stream = new ArrowStreamWriter(new ArrayBufferWriter<byte>(), s_schema);

        Assert.Equal(0, file.BytesWritten);
        Assert.Equal(0, stream.BytesWritten);
        Assert.Same(s_schema, file.Schema);
        Assert.Same(s_schema, stream.Schema);
    }

    /// <summary>
    /// A file is the stream format between its header (magic, padding) and its footer, message for message. Padding is
    /// computed from the absolute position, so the bytes match exactly when the 8-byte header keeps the alignment.
    /// </summary>
    [Fact]
    public void File_HoldsTheStreamBetweenHeaderAndFooter()
    {
        var options = new ArrowWriteOptions { WriteChecksum = false, Alignment = 8 };
        RecordBatch[] batches = [Batch(5), Batch(0), Batch(9)];

        var file = ArrowFileWriter.WriteToArray(s_schema, batches, options);
        var stream = ArrowStreamWriter.WriteToArray(s_schema, batches, options);

        Assert.Equal("ARROW1\0\0"u8.ToArray(), file[..8]);
        Assert.Equal(stream, file[8..(8 + stream.Length)]);
    }

    [Fact]
    public void Reader_ReadsBatchesOnDemand()
    {
        var reader = ArrowFileReader.Open(ArrowFileWriter.WriteToArray(s_schema, [Batch(5, 1), Batch(7, 2), Batch(9, 3)]));

        Assert.Equal(3, reader.RecordBatchCount);
        Assert.True(reader.ReadRecordBatch(2).ContentEquals(Batch(9, 3)));
        Assert.True(reader.ReadRecordBatch(0).ContentEquals(Batch(5, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadRecordBatch(3));
    }

    [Fact]
    public void Checksum_IsWrittenAndVerifiedByDefault()
    {
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [Batch(10)]);

        Assert.True(ArrowFileReader.Open(bytes).IsChecksumVerified);
        Assert.True(bytes.AsSpan().IndexOf("omnigraph.crc32c"u8) > 0);
    }

    [Fact]
    public void Checksum_CanBeOmittedAndThenReadersThatRequireItRefuse()
    {
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [Batch(10)], new ArrowWriteOptions { WriteChecksum = false });

        var reader = ArrowFileReader.Open(bytes);
        Assert.False(reader.IsChecksumVerified);
        Assert.True(reader.ReadRecordBatch(0).ContentEquals(Batch(10)));
        var error = Assert.Throws<OmniGraphException>(() => ArrowFileReader.Open(bytes, new ArrowReadOptions { RequireChecksum = true }));
        Assert.Equal(ErrorCodes.ArrowChecksumMismatch, error.Code);
    }

    /// <summary>
    /// A flipped value byte leaves the file structurally valid: without the checksum it would read back as wrong
    /// data. With the checksum it is a typed error; switching verification off shows what it protects against.
    /// </summary>
    [Fact]
    public void Checksum_CatchesAValueFlipThatStructuralChecksCannotSee()
    {
        var batch = Batch(10);
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [batch]);
        var firstValue = BitConverter.GetBytes(((PrimitiveColumn<long>)batch.Column(0)).GetValue(0));
        var position = bytes.AsSpan().IndexOf(firstValue);
        bytes[position] ^= 0x01;

        var error = Assert.Throws<OmniGraphException>(() => ArrowFileReader.Open(bytes));
        Assert.Equal(ErrorCodes.ArrowChecksumMismatch, error.Code);

        var unverified = ArrowFileReader.Open(bytes, new ArrowReadOptions { VerifyChecksum = false }).ReadRecordBatch(0);
        Assert.False(unverified.ContentEquals(batch));
    }

    /// <summary>Damaging the footer's checksum key hides the checksum; the marker in the Schema message still demands it.</summary>
    [Fact]
    public void Checksum_HiddenByADamagedFooterKey_IsStillDemandedByTheSchemaMarker()
    {
        var bytes = ArrowFileWriter.WriteToArray(s_schema, [Batch(10)]);
        var key = bytes.AsSpan().LastIndexOf("omnigraph.crc32c"u8);
        bytes[key + 3] ^= 0x20;

        var error = Assert.Throws<OmniGraphException>(() => ArrowFileReader.Open(bytes));

        Assert.Equal(ErrorCodes.ArrowChecksumMismatch, error.Code);
    }

    [Fact]
    public void Options_AreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { Alignment = 4 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { Alignment = 24 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowWriteOptions { Alignment = 128 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrowReadOptions { MaxNestingDepth = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new ArrowReadOptions { RequireChecksum = true, VerifyChecksum = false }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrowFileWriter.WriteToArray(s_schema, [], new ArrowWriteOptions { Alignment = 12 }));
    }

    [Fact]
    public void NestingLimit_IsConfigurable()
    {
        var schema = new ArrowSchema([new ArrowField("m", ArrowType.List(ArrowType.List(ArrowType.Int32)), true)]);
        var bytes = ArrowFileWriter.WriteToArray(schema, []);

        Assert.Equal(schema, ArrowFileReader.Open(bytes, new ArrowReadOptions { MaxNestingDepth = 2 }).Schema);
        var error = Assert.Throws<OmniGraphException>(() => ArrowFileReader.Open(bytes, new ArrowReadOptions { MaxNestingDepth = 1 }));
        Assert.Equal(ErrorCodes.ArrowUnsupported, error.Code);
    }
}
