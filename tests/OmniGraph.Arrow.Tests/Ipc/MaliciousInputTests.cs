using OmniGraph.Arrow.Ipc;
using OmniGraph.Arrow.Tests.TestSupport;
using static OmniGraph.Arrow.Ipc.Format.ArrowFormat;

namespace OmniGraph.Arrow.Tests.Ipc;

/// <summary>
/// Hand-crafted hostile files (forged with <see cref="RawIpc"/>, no checksum) exercising each structural check:
/// every one is an <see cref="OmniGraphException"/> with the right code, quickly and without large allocations.
/// </summary>
public sealed class MaliciousInputTests
{
    private static readonly RawField[] s_int64 = [RawIpc.Int64("v")];
    private static readonly RawField[] s_utf8 = [RawIpc.Utf8("s")];

    private static readonly Dictionary<string, RawBatch> s_badInt64Batches = new()
    {
        { "huge node length", new RawBatch(1L << 40, [(1L << 40, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "node length beyond int", new RawBatch(3, [(int.MaxValue + 1L, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "negative node length", new RawBatch(1, [(-1, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "negative null count", new RawBatch(1, [(1, -1)], [(0, 0), (0, 8)], new byte[8]) },
        { "null count above length", new RawBatch(1, [(1, 2)], [(0, 1), (8, 8)], new byte[16]) },
        { "batch length differs from node", new RawBatch(2, [(1, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "negative batch length", new RawBatch(-5, [(1, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "values buffer too small", new RawBatch(2, [(2, 0)], [(0, 0), (0, 8)], new byte[16]) },
        { "buffer beyond the body", new RawBatch(1, [(1, 0)], [(0, 0), (8, 8)], new byte[8]) },
        { "huge buffer length", new RawBatch(1, [(1, 0)], [(0, 0), (0, long.MaxValue)], new byte[8]) },
        { "negative buffer offset", new RawBatch(1, [(1, 0)], [(0, 0), (-8, 8)], new byte[8]) },
        { "negative buffer length", new RawBatch(1, [(1, 0)], [(0, 0), (0, -8)], new byte[8]) },
        { "nulls without a bitmap", new RawBatch(1, [(1, 1)], [(0, 0), (0, 8)], new byte[8]) },
        { "bitmap disagrees with null count", new RawBatch(2, [(2, 1)], [(0, 1), (8, 16)], [0b11, 0, 0, 0, 0, 0, 0, 0, .. new byte[16]]) },
        { "bitmap too short", new RawBatch(9, [(9, 1)], [(0, 1), (8, 72)], [0xFF, 0, 0, 0, 0, 0, 0, 0, .. new byte[72]]) },
        { "missing field node", new RawBatch(1, [], [(0, 0), (0, 8)], new byte[8]) },
        { "extra field node", new RawBatch(1, [(1, 0), (1, 0)], [(0, 0), (0, 8)], new byte[8]) },
        { "missing buffer", new RawBatch(1, [(1, 0)], [(0, 0)], new byte[8]) },
        { "extra buffer", new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (0, 0)], new byte[8]) },
    };

    private static readonly Dictionary<string, RawBatch> s_badUtf8Batches = new()
    {
        { "decreasing offsets", new RawBatch(2, [(2, 0)], [(0, 0), (0, 12), (16, 3)], [.. RawIpc.Int32s(0, 2, 1), 0, 0, 0, 0, .. "abc"u8]) },
        { "negative first offset", new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (8, 3)], [.. RawIpc.Int32s(-1, 2), .. "abc"u8]) },
        { "offset beyond the data", new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (8, 3)], [.. RawIpc.Int32s(0, 4), .. "abc"u8]) },
        { "huge offset", new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (8, 3)], [.. RawIpc.Int32s(0, int.MaxValue), .. "abc"u8]) },
        { "offsets buffer too short", new RawBatch(2, [(2, 0)], [(0, 0), (0, 8), (8, 3)], [.. RawIpc.Int32s(0, 1), .. "abc"u8]) },
        { "invalid UTF-8", new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (8, 2)], [.. RawIpc.Int32s(0, 2), 0xC3, 0x28]) },
        { "a value boundary inside a character", new RawBatch(2, [(2, 0)], [(0, 0), (0, 12), (16, 2)], [.. RawIpc.Int32s(0, 1, 2), 0, 0, 0, 0, 0xC3, 0xA9]) },
    };

    private static readonly Dictionary<string, RawField> s_unsupportedFields = new()
    {
        { "Int16", new RawField("x", TypeIds.Int, b => RawIpc.IntType(b, 16, true)) },
        { "Float16", new RawField("x", TypeIds.FloatingPoint, b => RawIpc.SingleInt16Table(b, PrecisionHalf)) },
        { "Date64", new RawField("x", TypeIds.Date, b => RawIpc.SingleInt16Table(b, DateUnitMillisecond)) },
        { "Decimal", new RawField("x", TypeIds.Decimal, RawIpc.EmptyTable) },
        { "LargeUtf8", new RawField("x", TypeIds.LargeUtf8, RawIpc.EmptyTable) },
        { "Struct", new RawField("x", TypeIds.Struct, RawIpc.EmptyTable) },
        { "Utf8View", new RawField("x", TypeIds.Utf8View, RawIpc.EmptyTable) },
        { "unknown type id 99", new RawField("x", 99, RawIpc.EmptyTable) },
        { "dictionary encoding", new RawField("x", TypeIds.Utf8, RawIpc.EmptyTable, Dictionary: true) },
        { "fixed-size list of size 0", RawIpc.FixedSizeList("x", 0, RawIpc.Int32("item")) },
    };

    private static readonly Dictionary<string, RawField> s_invalidFields = new()
    {
        { "type id NONE", new RawField("x", TypeIds.None, RawIpc.EmptyTable) },
        { "list without a child", new RawField("x", TypeIds.List, RawIpc.EmptyTable) },
        { "list with two children", new RawField("x", TypeIds.List, RawIpc.EmptyTable, Children: [RawIpc.Int32("a"), RawIpc.Int32("b")]) },
        { "scalar with a child", new RawField("x", TypeIds.Int, b => RawIpc.IntType(b, 32, true), Children: [RawIpc.Int32("a")]) },
        { "timestamp unit 9", new RawField("x", TypeIds.Timestamp, b => RawIpc.SingleInt16Table(b, 9)) },
    };

    [Fact]
    public void ForgedWellFormedFile_IsAccepted()
    {
        // The control: the forge itself produces readable files, so the failures below come from the defect alone.
        var file = RawIpc.File(s_utf8, [new RawBatch(2, [(2, 0)], [(0, 0), (0, 12), (16, 3)], [.. RawIpc.Int32s(0, 1, 3), 0, 0, 0, 0, .. "abc"u8])]);

        var (_, batches) = ArrowFileReader.ReadAll(file);

        Assert.Equal(["a", "bc"], new[] { 0, 1 }.Select(((Utf8Column)batches[0].Column(0)).GetString));
        Assert.Equal(2, ArrowStreamReader.ReadAll(RawIpc.Stream(s_utf8, new RawBatch(2, [(2, 0)], [(0, 0), (0, 12), (16, 3)], [.. RawIpc.Int32s(0, 1, 3), 0, 0, 0, 0, .. "abc"u8]))).Batches[0].Length);
    }

    public static TheoryData<string> BadInt64Batches() => [.. s_badInt64Batches.Keys];

    [Theory]
    [MemberData(nameof(BadInt64Batches))]
    public void BadRecordBatch_IsRejected(string what)
    {
        var batch = s_badInt64Batches[what];
        AssertInvalid(RawIpc.File(s_int64, [batch]), what);
        AssertInvalid(RawIpc.Stream(s_int64, batch), what, stream: true);
    }

    public static TheoryData<string> BadUtf8Batches() => [.. s_badUtf8Batches.Keys];

    [Theory]
    [MemberData(nameof(BadUtf8Batches))]
    public void BadStringColumn_IsRejected(string what)
    {
        var batch = s_badUtf8Batches[what];
        AssertInvalid(RawIpc.File(s_utf8, [batch]), what);
    }

    [Fact]
    public void InvalidUtf8_PassesAsBytesOnlyWhenValidationIsOff()
    {
        var file = RawIpc.File(s_utf8, [new RawBatch(1, [(1, 0)], [(0, 0), (0, 8), (8, 2)], [.. RawIpc.Int32s(0, 2), 0xC3, 0x28])]);

        var (_, batches) = ArrowFileReader.ReadAll(file, new ArrowReadOptions { ValidateUtf8 = false });

        Assert.Equal([0xC3, 0x28], ((Utf8Column)batches[0].Column(0)).GetBytes(0).ToArray());
    }

    [Fact]
    public void ListOffsetsBeyondTheChild_AreRejected()
    {
        RawField[] fields = [RawIpc.List("l", RawIpc.Int32("item"))];
        var batch = new RawBatch(1, [(1, 0), (2, 0)], [(0, 0), (0, 8), (8, 0), (8, 8)], [.. RawIpc.Int32s(0, 3), .. RawIpc.Int32s(1, 2)]);

        AssertInvalid(RawIpc.File(fields, [batch]), "list offsets beyond child");
    }

    [Fact]
    public void FixedSizeListChildTooShort_IsRejectedWithoutAllocating()
    {
        RawField[] fields = [RawIpc.FixedSizeList("v", int.MaxValue, new RawField("item", TypeIds.FloatingPoint, b => RawIpc.SingleInt16Table(b, PrecisionSingle)))];
        var batch = new RawBatch(2, [(2, 0), (2, 0)], [(0, 0), (0, 0), (0, 8)], new byte[8]);

        AssertInvalid(RawIpc.File(fields, [batch]), "fixed-size list child too short");
    }

    [Fact]
    public void NullsInANonNullableField_AreRejected()
    {
        RawField[] fields = [RawIpc.Int64("v", nullable: false)];
        var batch = new RawBatch(2, [(2, 1)], [(0, 1), (8, 16)], [0b01, 0, 0, 0, 0, 0, 0, 0, .. new byte[16]]);

        AssertInvalid(RawIpc.File(fields, [batch]), "nulls in a non-nullable field");
    }

    [Fact]
    public void DeepNesting_IsRejectedAsUnsupported()
    {
        var field = RawIpc.Int32("leaf");
        for (var i = 0; i < 1000; i++)
        {
            field = RawIpc.List($"l{i}", field);
        }

        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.File([field], []), "1000 nested lists");
    }

    public static TheoryData<string> UnsupportedFields() => [.. s_unsupportedFields.Keys];

    [Theory]
    [MemberData(nameof(UnsupportedFields))]
    public void UnsupportedSchema_IsRejectedAsUnsupported(string what)
    {
        var field = s_unsupportedFields[what];
        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.File([field], []), what);
        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.Stream([field]), what, stream: true);
    }

    public static TheoryData<string> InvalidFields() => [.. s_invalidFields.Keys];

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void MalformedSchema_IsRejectedAsInvalid(string what)
    {
        var field = s_invalidFields[what];
        AssertCode(ErrorCodes.ArrowInvalidFile, RawIpc.File([field], []), what);
    }

    [Fact]
    public void BigEndianSchema_IsRejectedAsUnsupported()
    {
        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.File(s_int64, [], endianness: 1), "big endian");
    }

    [Fact]
    public void CompressedBody_IsRejectedAsUnsupported()
    {
        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.File(s_int64, [new RawBatch(1, [(1, 0)], [(0, 0), (0, 8)], new byte[8], Compressed: true)]), "compression");
    }

    [Fact]
    public void DictionaryBlocks_AreRejectedAsUnsupported()
    {
        AssertCode(ErrorCodes.ArrowUnsupported, RawIpc.File(s_int64, [], dictionaryBlock: true), "dictionary block");
    }

    [Fact]
    public void FooterLengthAndMagicDefects_AreRejected()
    {
        var good = RawIpc.File(s_int64, [new RawBatch(1, [(1, 0)], [(0, 0), (0, 8)], new byte[8])]);
        foreach (var footerLength in new[] { 0, -1, int.MinValue, int.MaxValue, good.Length - 10, good.Length - 17 })
        {
            var file = (byte[])good.Clone();
            BitConverter.GetBytes(footerLength).CopyTo(file, file.Length - 10);
            AssertInvalid(file, $"footer length {footerLength}");
        }

        var badMagic = (byte[])good.Clone();
        badMagic[^1] = (byte)'2';
        AssertInvalid(badMagic, "trailing magic");
        AssertInvalid("ARROW1"u8.ToArray(), "magic only");
        AssertInvalid([], "empty");
    }

    [Fact]
    public void BlockPointingOutsideTheFile_IsRejected()
    {
        var file = RawIpc.File(s_int64, [new RawBatch(1, [(1, 0)], [(0, 0), (0, 8)], new byte[8])]);
        var reader = ArrowFileReader.Open(file);
        Assert.Equal(1, reader.RecordBatchCount);

        // Point the block's offset at the footer: its range then crosses into the footer and is rejected at open.
        var footerStart = file.Length - 10 - BitConverter.ToInt32(file, file.Length - 10);
        var patched = (byte[])file.Clone();
        BitConverter.GetBytes((long)footerStart - 8).CopyTo(patched, FindBlockPosition(file));

        AssertInvalid(patched, "block beyond the message area");
    }

    [Fact]
    public void LegacyMessageFraming_IsRejected()
    {
        var stream = RawIpc.Stream(s_int64);
        stream[0] = 0x10;

        AssertInvalid(stream, "no continuation marker", stream: true);
    }

    /// <summary>Every hostile input above is cheap to reject: no allocation proportional to declared sizes.</summary>
    [Fact]
    public void HugeDeclaredLengths_AllocateNothingProportional()
    {
        var batch = new RawBatch(int.MaxValue, [(int.MaxValue, 0)], [(0, 0), (0, long.MaxValue / 2)], new byte[8]);
        var file = RawIpc.File(s_int64, [batch]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<OmniGraphException>(() => ArrowFileReader.ReadAll(file));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256 * 1024);
    }

    /// <summary>The position in the footer of the only Block struct (offset, metadata length, 8-byte body).</summary>
    private static int FindBlockPosition(byte[] file)
    {
        var footerStart = file.Length - 10 - BitConverter.ToInt32(file, file.Length - 10);
        for (var position = footerStart; position + 24 <= file.Length - 10; position += 4)
        {
            var offset = BitConverter.ToInt64(file, position);
            var metadataLength = BitConverter.ToInt32(file, position + 8);
            var bodyLength = BitConverter.ToInt64(file, position + 16);
            if (offset > 8 && offset < footerStart && metadataLength > 8 && metadataLength < 4096 && bodyLength == 8)
            {
                return position;
            }
        }

        throw new InvalidOperationException("No block found in the footer.");
    }

    private static void AssertInvalid(byte[] bytes, string what, bool stream = false) =>
        AssertCode(ErrorCodes.ArrowInvalidFile, bytes, what, stream);

    private static void AssertCode(string code, byte[] bytes, string what, bool stream = false)
    {
        var error = Assert.Throws<OmniGraphException>(() =>
        {
            if (stream)
            {
                ArrowStreamReader.ReadAll(bytes);
            }
            else
            {
                ArrowFileReader.ReadAll(bytes);
            }
        });
        Assert.True(error.Code == code, $"{what}: expected {code}, got {error.Code}: {error.Message}");
    }
}
