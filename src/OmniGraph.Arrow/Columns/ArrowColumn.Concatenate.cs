using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

public abstract partial class ArrowColumn
{
    /// <summary>
    /// A new column holding the values of <paramref name="columns"/> one after another. All columns must have
    /// equal types (<see cref="ArrowType.Equals(ArrowType?)"/>); at least one column is required.
    /// </summary>
    public static ArrowColumn Concatenate(IReadOnlyList<ArrowColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one column is required.", nameof(columns));
        }

        var type = columns[0].Type;
        long total = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i] ?? throw new ArgumentException($"columns[{i}] is null.", nameof(columns));
            if (!column.Type.Equals(type))
            {
                throw new ArgumentException($"columns[{i}] has type {column.Type}, expected {type}.", nameof(columns));
            }

            total += column.Length;
        }

        if (total > int.MaxValue)
        {
            ThrowHelper.ThrowColumnTooLarge();
        }

        return columns.Count == 1 ? columns[0] : columns[0].ConcatenateCore(columns, (int)total);
    }

    /// <summary>
    /// A copy of this column in buffers of its own, sized to its values: it keeps none of the memory it was read or
    /// sliced from alive (a column read zero-copy from a file otherwise holds the whole file).
    /// </summary>
    public ArrowColumn Compact() => ConcatenateCore([this], Length);

    /// <summary>Concatenates columns of this column's type (checked by the caller) whose lengths sum to <paramref name="totalLength"/>.</summary>
    private protected abstract ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength);

    private protected static (ReadOnlyMemory<byte> Bits, int NullCount) ConcatenateValidity(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        var anyNull = false;
        foreach (var column in columns)
        {
            anyNull |= column.NullCount > 0;
        }

        if (!anyNull)
        {
            return (ReadOnlyMemory<byte>.Empty, 0);
        }

        var bits = new byte[BitUtility.BytesForBits(totalLength)];
        var position = 0;
        var nulls = 0;
        foreach (var column in columns)
        {
            if (column.NullCount == 0)
            {
                BitUtility.SetBits(bits, position, column.Length);
            }
            else
            {
                BitUtility.CopyBits(column.ValidityBits, column.ValidityBitOffset, bits, position, column.Length);
                nulls += column.NullCount;
            }

            position += column.Length;
        }

        return (bits, nulls);
    }
}
