using System.Runtime.CompilerServices;

namespace OmniGraph.Search;

/// <summary>
/// Walks one term's postings in one fragment: rows ascending with their term frequency, and on request the term's
/// positions in the current row. Positions not asked for are skipped when the cursor moves on.
/// </summary>
internal struct PostingsCursor
{
    /// <summary>The <see cref="Row"/> of an exhausted cursor: after every real row.</summary>
    public const int Exhausted = int.MaxValue;

    private readonly byte[] _docs;
    private readonly byte[] _positions;
    private int _docPosition;
    private int _positionPosition;
    private int _remaining;
    private int _unreadPositions;

    public PostingsCursor(byte[] docs, int docStart, byte[] positions, int positionStart, int postings)
    {
        _docs = docs;
        _positions = positions;
        _docPosition = docStart;
        _positionPosition = positionStart;
        _remaining = postings;
        Row = -1;
    }

    /// <summary>The current row (-1 before the first <see cref="MoveNext"/>, <see cref="Exhausted"/> after the last).</summary>
    public int Row { get; private set; }

    /// <summary>Occurrences of the term in the current row.</summary>
    public int Frequency { get; private set; }

    /// <summary>Moves to the next posting; false (and <see cref="Row"/> = <see cref="Exhausted"/>) when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_unreadPositions > 0)
        {
            VarInt.Skip(_positions, ref _positionPosition, _unreadPositions);
            _unreadPositions = 0;
        }

        if (_remaining == 0)
        {
            Row = Exhausted;
            return false;
        }

        _remaining--;
        var delta = (int)VarInt.Read(_docs, ref _docPosition);
        Row = Row < 0 ? delta : Row + delta;
        Frequency = (int)VarInt.Read(_docs, ref _docPosition);
        _unreadPositions = Frequency;
        return true;
    }

    /// <summary>Moves to the first posting at or after <paramref name="target"/>; false when there is none.</summary>
    public bool AdvanceTo(int target)
    {
        while (Row < target)
        {
            if (!MoveNext())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The term's positions in the current row, ascending, into <paramref name="destination"/> (at least <see cref="Frequency"/> long).</summary>
    public void ReadPositions(Span<int> destination)
    {
        var position = 0;
        for (var i = 0; i < Frequency; i++)
        {
            position += (int)VarInt.Read(_positions, ref _positionPosition);
            destination[i] = position;
        }

        _unreadPositions = 0;
    }

    /// <summary>
    /// Moves every cursor to the next row they all hold (each must already be on a posting or exhausted); false when one runs
    /// out. After handling the row, move one cursor on with <see cref="MoveNext"/> before calling again.
    /// </summary>
    public static bool AlignOnCommonRow(PostingsCursor[] cursors, int count)
    {
        while (true)
        {
            var target = 0;
            for (var i = 0; i < count; i++)
            {
                target = Math.Max(target, cursors[i].Row);
            }

            if (target == Exhausted)
            {
                return false;
            }

            var aligned = true;
            for (var i = 0; i < count; i++)
            {
                if (!cursors[i].AdvanceTo(target))
                {
                    return false;
                }

                aligned &= cursors[i].Row == target;
            }

            if (aligned)
            {
                return true;
            }
        }
    }
}
