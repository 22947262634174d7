using System.Buffers.Binary;
using OmniGraph.Arrow.Ipc.FlatBuffers;

namespace OmniGraph.Arrow.Tests.FlatBuffers;

/// <summary>Our FlatBuffers builder and bounds-checked reader: round trips, and every malformed reference rejected.</summary>
public sealed class FlatBufferTests
{
    private static byte[] BuildSample()
    {
        var builder = new FlatBufferBuilder(16);
        var name = builder.CreateString("héllo");
        builder.StartTable(1);
        builder.AddInt32(0, 7);
        var child1 = builder.EndTable();
        builder.StartTable(1);
        builder.AddInt32(0, 9);
        var child2 = builder.EndTable();
        var children = builder.CreateOffsetVector([child1, child2]);
        builder.StartStructVector(16, 2, 8);
        builder.PutInt64(4);
        builder.PutInt64(3);
        builder.PutInt64(2);
        builder.PutInt64(1);
        var structs = builder.EndVector(2);
        builder.StartTable(8);
        builder.AddByte(0, 200);
        builder.AddBool(1, true);
        builder.AddInt16(2, -3);
        builder.AddInt64(3, long.MinValue);
        builder.AddOffset(4, name);
        builder.AddOffset(5, children);
        builder.AddOffset(6, structs);
        return builder.Finish(builder.EndTable());
    }

    [Fact]
    public void BuiltBuffer_ReadsBackEveryFieldKind()
    {
        var root = FlatTable.GetRoot(BuildSample(), "Sample");

        Assert.Equal(200, root.GetByte(0, 0));
        Assert.True(root.GetBool(1, false));
        Assert.Equal(-3, root.GetInt16(2, 0));
        Assert.Equal(long.MinValue, root.GetInt64(3, 0));
        Assert.Equal("héllo", root.GetString(4));
        Assert.True(root.TryGetVector(5, 4, out var children));
        Assert.Equal(2, children.Count);
        Assert.Equal(7, children.GetTable(0, "Child").GetInt32(0, 0));
        Assert.Equal(9, children.GetTable(1, "Child").GetInt32(0, 0));
        Assert.True(root.TryGetVector(6, 16, out var structs));
        Assert.Equal([1L, 2, 3, 4], [structs.GetStructInt64(0, 0), structs.GetStructInt64(0, 8), structs.GetStructInt64(1, 0), structs.GetStructInt64(1, 8)]);
    }

    [Fact]
    public void AbsentFields_ReadAsDefaults()
    {
        var root = FlatTable.GetRoot(BuildSample(), "Sample");

        Assert.False(root.HasField(7));
        Assert.False(root.HasField(40));
        Assert.Equal(5, root.GetInt32(7, 5));
        Assert.Null(root.GetString(7));
        Assert.False(root.TryGetVector(7, 4, out _));
        Assert.False(root.TryGetTable(7, "Missing", out _));
    }

    [Fact]
    public void Scalars_AreAlignedToTheirSize()
    {
        var builder = new FlatBufferBuilder();
        builder.StartTable(3);
        builder.AddByte(0, 1);
        builder.AddInt64(1, 0x0102030405060708);
        builder.AddInt16(2, 5);
        var bytes = builder.Finish(builder.EndTable());
        var root = FlatTable.GetRoot(bytes, "Aligned");

        Assert.Equal(0x0102030405060708, root.GetInt64(1, 0));
        var position = bytes.AsSpan().IndexOf(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 });
        Assert.Equal(0, position % 8);
        Assert.Equal(0, bytes.Length % 8);
    }

    [Fact]
    public void AddOptionalOffset_WritesAReferenceAndLeavesZeroAbsent()
    {
        var builder = new FlatBufferBuilder();
        var name = builder.CreateString("present");
        builder.StartTable(2);
        builder.AddOptionalOffset(0, name);
        builder.AddOptionalOffset(1, 0);
        var root = FlatTable.GetRoot(builder.Finish(builder.EndTable()), "Optional");

        Assert.Equal("present", root.GetString(0));
        Assert.False(root.HasField(1));
    }

    [Fact]
    public void Scalars_AreWrittenLittleEndian()
    {
        var builder = new FlatBufferBuilder();
        builder.StartStructVector(15, 1, 8);
        builder.PutByte(0xAB);
        builder.PutInt16(0x0102);
        builder.PutInt32(0x03040506);
        builder.PutInt64(0x0708090A0B0C0D0E);
        builder.EndVector(1);
        builder.StartTable(0);
        var bytes = builder.Finish(builder.EndTable());

        Assert.True(bytes.AsSpan().IndexOf(new byte[] { 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0xAB }) >= 0);
    }

    [Fact]
    public void Builder_RejectsMisuse()
    {
        var builder = new FlatBufferBuilder();
        builder.StartTable(1);
        Assert.Throws<InvalidOperationException>(() => builder.CreateString("x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddInt32(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddOffset(0, 9999));
    }

    public static TheoryData<string, byte[]> MalformedBuffers() => new()
    {
        { "empty", [] },
        { "root beyond the end", [0xF0, 0, 0, 0] },
        { "root at the very end", [4, 0, 0, 0] },
        { "vtable is the table itself (soffset 0)", [4, 0, 0, 0, 0, 0, 0, 0] },
        { "vtable before the buffer", [4, 0, 0, 0, 0x10, 0, 0, 0] },
        { "vtable after the buffer", [4, 0, 0, 0, 0xF0, 0xFF, 0xFF, 0xFF] },
        { "vtable size too small", Table(vtableSize: 2, inlineSize: 4) },
        { "vtable size odd", Table(vtableSize: 5, inlineSize: 4) },
        { "vtable runs past the end", Table(vtableSize: 200, inlineSize: 4) },
        { "inline size past the end", Table(vtableSize: 4, inlineSize: 400) },
        { "inline size below the soffset", Table(vtableSize: 4, inlineSize: 2) },
    };

    [Theory]
    [MemberData(nameof(MalformedBuffers))]
    public void MalformedTables_AreRejected(string what, byte[] bytes)
    {
        var error = Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, what));
        Assert.Equal(ErrorCodes.ArrowInvalidFile, error.Code);
    }

    [Fact]
    public void FieldOutsideItsTable_IsRejected()
    {
        // vtable: size 6, inline size 4, field 0 at offset 8 (beyond the 4 inline bytes).
        var bytes = new byte[] { 10, 0, 0, 0, 6, 0, 4, 0, 8, 0, 6, 0, 0, 0, 0, 0 };

        var error = Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").GetInt32(0, 0));
        Assert.Contains("outside the table", error.Message);
    }

    [Fact]
    public void HugeVectorCount_IsRejectedWithoutAllocating()
    {
        var bytes = TableWithReference(BitConverter.GetBytes(int.MaxValue));
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").TryGetVector(0, 16, out _));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
    }

    [Fact]
    public void StringWithoutTerminator_IsRejected()
    {
        var bytes = TableWithReference([3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', (byte)'d']);

        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").GetString(0));
    }

    [Fact]
    public void StringLongerThanTheBuffer_IsRejected()
    {
        var bytes = TableWithReference([0xFF, 0xFF, 0xFF, 0x7F, (byte)'a', 0]);

        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").GetString(0));
    }

    [Fact]
    public void StringWithInvalidUtf8_IsRejected()
    {
        var bytes = TableWithReference([2, 0, 0, 0, 0xC3, 0x28, 0]);

        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").GetString(0));
    }

    [Fact]
    public void ReferencePastTheEnd_IsRejected()
    {
        var bytes = TableWithReference([]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 0xFFFFFFF0);

        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").GetString(0));
        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").TryGetVector(0, 4, out _));
        Assert.Throws<OmniGraphException>(() => FlatTable.GetRoot(bytes, "T").TryGetTable(0, "Child", out _));
    }

    /// <summary>A root table at 8 whose vtable sits at 4 (soffset 4) with the given sizes.</summary>
    private static byte[] Table(ushort vtableSize, ushort inlineSize)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), vtableSize);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), inlineSize);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 4);
        return bytes;
    }

    /// <summary>A root table with one reference field (slot 0) pointing just past the table, followed by <paramref name="target"/>.</summary>
    private static byte[] TableWithReference(byte[] target)
    {
        // 0: root -> 12 | 4: vtable (size 6, inline 8, field 0 at 4) + pad | 12: soffset 8 | 16: uoffset 4 -> 20 | 20: target
        var bytes = new byte[20 + target.Length + 4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 12);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 6);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 4);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 4);
        target.CopyTo(bytes, 20);
        return bytes;
    }
}
