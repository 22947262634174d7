using System.Runtime.CompilerServices;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Numbers the rows of a list of fragments 0, 1, 2, … in storage order, so an index over them can hold a row as a 4-byte
/// ordinal instead of an 8-byte packed address (fragment &lt;&lt; 32 | row). A fragment list only grows at its end between
/// versions (a fragment keeps its index), so the ordinals of the fragments numbered here stay valid for later versions.
/// An ordinal is turned back into its address through a table of which fragment each 65,536-ordinal chunk starts in,
/// then a short walk over the fragments that start inside that chunk.
/// </summary>
internal sealed class RowOrdinals
{
    private const int ChunkBits = 16;

    private readonly int[] _starts;
    private readonly int[] _chunkFragment;

    private RowOrdinals(int[] starts, int[] chunkFragment)
    {
        _starts = starts;
        _chunkFragment = chunkFragment;
    }

    /// <summary>Rows numbered (deleted ones included).</summary>
    public int Count => _starts[^1];

    /// <summary>Numbers the rows of <paramref name="fragments"/>.</summary>
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> rows.</exception>
    public static RowOrdinals Of(FragmentData[] fragments)
    {
        var starts = new int[fragments.Length + 1];
        for (var f = 0; f < fragments.Length; f++)
        {
            starts[f + 1] = checked(starts[f] + fragments[f].Rows);
        }

        var total = starts[^1];
        var chunkFragment = new int[(int)(((long)total + (1 << ChunkBits) - 1) >> ChunkBits)];
        var fragment = 0;
        for (var chunk = 0; chunk < chunkFragment.Length; chunk++)
        {
            var first = chunk << ChunkBits;
            while (starts[fragment + 1] <= first)
            {
                fragment++;
            }

            chunkFragment[chunk] = fragment;
        }

        return new RowOrdinals(starts, chunkFragment);
    }

    /// <summary>The ordinal of <paramref name="row"/> of fragment <paramref name="fragment"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int OrdinalOf(int fragment, int row) => _starts[fragment] + row;

    /// <summary>The packed address (fragment &lt;&lt; 32 | row) of <paramref name="ordinal"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long AddressOf(int ordinal)
    {
        var fragment = _chunkFragment[ordinal >> ChunkBits];
        while (ordinal >= _starts[fragment + 1])
        {
            fragment++;
        }

        return ((long)fragment << 32) | (uint)(ordinal - _starts[fragment]);
    }
}
