namespace OmniGraph.Arrow;

/// <summary>A column of opaque byte strings.</summary>
public sealed class BinaryColumn : VariableBinaryColumn
{
    internal BinaryColumn(int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(ArrowType.Binary, length, offsets, data, validity, validityOffset, nullCount)
    {
    }

    /// <summary>A copy of value <paramref name="index"/>, or null for a null slot.</summary>
    public byte[]? GetBytesOrNull(int index) => IsValid(index) ? GetBytes(index).ToArray() : null;

    public override BinaryColumn Slice(int offset, int length) => (BinaryColumn)SliceCore(offset, length);

    public override BinaryColumn Take(ReadOnlySpan<int> rowIndices) => (BinaryColumn)TakeCore(rowIndices);

    private protected override VariableBinaryColumn Create(int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount) =>
        new BinaryColumn(length, offsets, data, validity, validityOffset, nullCount);
}
