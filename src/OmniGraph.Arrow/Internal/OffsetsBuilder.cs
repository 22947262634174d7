using System.Runtime.CompilerServices;

namespace OmniGraph.Arrow.Internal;

/// <summary>
/// Builds the 32-bit offsets of a variable-length layout (lists, UTF-8, binary). Each entry records where it starts
/// in the child data; <see cref="Detach"/> closes the last entry with the end of the data, so n entries give the
/// n + 1 offsets Arrow expects. A mutable struct held by exactly one builder field, like <see cref="GrowableBuffer"/>.
/// </summary>
internal struct OffsetsBuilder
{
    private GrowableBuffer _offsets;

    public OffsetsBuilder()
    {
        _offsets = new GrowableBuffer();
    }

    /// <summary>Records an entry starting at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AppendStart(int start) => _offsets.Append(start);

    /// <summary>Records <paramref name="count"/> entries all starting at <paramref name="start"/>: empty or null entries.</summary>
    public void AppendStarts(int start, int count) => _offsets.AppendRepeated(start, count);

    /// <summary>Closes the last entry at <paramref name="end"/>, hands the offsets over (no copy) and starts again empty.</summary>
    public ReadOnlyMemory<byte> Detach(int end)
    {
        _offsets.Append(end);
        return _offsets.Detach();
    }
}
