using System.Runtime.InteropServices;

namespace OmniGraph.Arrow.Internal;

/// <summary>
/// Operations on the 32-bit offsets of variable-length columns (lists, UTF-8, binary), shared by
/// <see cref="ListColumn"/> and <see cref="VariableBinaryColumn"/>: entry i spans <c>offsets[i]..offsets[i + 1]</c>.
/// </summary>
internal static class OffsetBuffers
{
    /// <summary>The <c>length + 1</c> offsets of entries <c>offset..offset + length</c>, sharing <paramref name="offsets"/>' memory.</summary>
    public static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> offsets, int offset, int length) =>
        offsets.Slice(offset * sizeof(int), (length + 1) * sizeof(int));

    /// <summary>
    /// New offsets, starting at 0, for the entries at <paramref name="rowIndices"/> laid out one after the other;
    /// <paramref name="total"/> is where the last one ends. Gathering an entry then means copying its child range to
    /// <c>gathered[i]</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The gathered entries hold more than an array can.</exception>
    public static byte[] Gather(ReadOnlySpan<int> offsets, ReadOnlySpan<int> rowIndices, out int total)
    {
        var bytes = new byte[(rowIndices.Length + 1) * sizeof(int)];
        var gathered = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
        // A long cannot overflow here (at most int.MaxValue entries of at most int.MaxValue each), so the size is
        // checked once at the end; offsets written past the limit are discarded with the exception.
        long position = 0;
        for (var i = 0; i < rowIndices.Length; i++)
        {
            gathered[i] = (int)position;
            var row = rowIndices[i];
            position += offsets[row + 1] - offsets[row];
        }

        if (position > Array.MaxLength)
        {
            ThrowHelper.ThrowColumnTooLarge();
        }

        gathered[rowIndices.Length] = (int)position;
        total = (int)position;
        return bytes;
    }

    /// <summary>
    /// Writes the start offsets of <paramref name="source"/>'s entries (all but its closing offset) into
    /// <paramref name="destination"/>, shifted so that the first entry starts at <paramref name="position"/>.
    /// </summary>
    public static void CopyRebased(ReadOnlySpan<int> source, Span<int> destination, int position)
    {
        var shift = position - source[0];
        var starts = source[..^1];
        for (var i = 0; i < starts.Length; i++)
        {
            destination[i] = starts[i] + shift;
        }
    }

    /// <summary>Offsets that start at 0 (the given ones when they already do, else a rebased copy), and the data range they covered.</summary>
    public static (ReadOnlyMemory<byte> Offsets, int First, int Last) ZeroBased(ReadOnlyMemory<byte> offsetMemory)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(offsetMemory.Span);
        var first = offsets[0];
        var last = offsets[^1];
        if (first == 0)
        {
            return (offsetMemory, 0, last);
        }

        var rebased = new byte[offsetMemory.Length];
        var destination = MemoryMarshal.Cast<byte, int>(rebased.AsSpan());
        for (var i = 0; i < offsets.Length; i++)
        {
            destination[i] = offsets[i] - first;
        }

        return (rebased, first, last);
    }
}
