using System.Text;

namespace OmniGraph.Arrow;

/// <summary>A column of UTF-8 strings. Its bytes are valid UTF-8 (checked by the builder and, by default, the IPC reader).</summary>
public sealed class Utf8Column : VariableBinaryColumn
{
    internal Utf8Column(int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(ArrowType.Utf8, length, offsets, data, validity, validityOffset, nullCount)
    {
    }

    /// <summary>Value <paramref name="index"/> as a new string (empty for a null slot). Prefer <see cref="VariableBinaryColumn.GetBytes"/> on hot paths.</summary>
    public string GetString(int index) => Encoding.UTF8.GetString(GetBytes(index));

    /// <summary>Value <paramref name="index"/> as a new string, or null for a null slot.</summary>
    public string? GetStringOrNull(int index) => IsValid(index) ? GetString(index) : null;

    public override Utf8Column Slice(int offset, int length) => (Utf8Column)SliceCore(offset, length);

    public override Utf8Column Take(ReadOnlySpan<int> rowIndices) => (Utf8Column)TakeCore(rowIndices);

    private protected override VariableBinaryColumn Create(int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount) =>
        new Utf8Column(length, offsets, data, validity, validityOffset, nullCount);
}
