using System.Globalization;
using System.Numerics;

namespace OmniGraph.Search;

/// <summary>
/// An immutable set of row ordinals of one fragment, as a bitmap of <c>ceil(Length / 64)</c> words (bit <c>r</c> of the
/// bitmap = row <c>r</c>). Serves as a fragment's deletion mask and as a query's candidate filter.
/// </summary>
public sealed class RowSet
{
    private readonly ulong[] _words;

    private RowSet(int length, ulong[] words, int count)
    {
        Length = length;
        _words = words;
        Count = count;
    }

    /// <summary>Rows of the fragment the set is over (members are below it).</summary>
    public int Length { get; }

    /// <summary>Members.</summary>
    public int Count { get; }

    /// <summary>The bitmap words (bits at or past <see cref="Length"/> are zero).</summary>
    public ReadOnlySpan<ulong> Words => _words;

    /// <summary>A set of the given rows of a fragment of <paramref name="length"/> rows (duplicates allowed).</summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.ShapeMismatch"/>: a row is negative or not below <paramref name="length"/>.</exception>
    public static RowSet FromRows(int length, ReadOnlySpan<int> rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var words = new ulong[WordCount(length)];
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)length)
            {
                SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"Row {row} is outside a fragment of {length} rows."));
            }

            words[row >> 6] |= 1UL << row;
        }

        return new RowSet(length, words, PopCount(words));
    }

    /// <summary>A set from bitmap words (copied); bits at or past <paramref name="length"/> must be clear.</summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.ShapeMismatch"/>: the word count does not fit the length, or a bit past it is set.</exception>
    public static RowSet FromWords(int length, ReadOnlySpan<ulong> words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (words.Length != WordCount(length))
        {
            SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"A bitmap of {length} rows needs {WordCount(length)} words, got {words.Length}."));
        }

        var copy = words.ToArray();
        if ((length & 63) != 0 && (copy[^1] >> (length & 63)) != 0)
        {
            SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"The bitmap sets rows past the fragment's {length} rows."));
        }

        return new RowSet(length, copy, PopCount(copy));
    }

    /// <summary>Every row of a fragment of <paramref name="length"/> rows.</summary>
    public static RowSet All(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var words = new ulong[WordCount(length)];
        Array.Fill(words, ulong.MaxValue);
        if ((length & 63) != 0)
        {
            words[^1] = (1UL << (length & 63)) - 1;
        }

        return new RowSet(length, words, length);
    }

    /// <summary>Whether <paramref name="row"/> is a member (rows outside the fragment are not).</summary>
    public bool Contains(int row) => (uint)row < (uint)Length && (_words[row >> 6] & (1UL << row)) != 0;

    /// <summary>The members, ascending.</summary>
    public int[] ToRows()
    {
        var rows = new int[Count];
        var next = 0;
        for (var w = 0; w < _words.Length; w++)
        {
            var bits = _words[w];
            while (bits != 0)
            {
                rows[next++] = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }

        return rows;
    }

    internal static int WordCount(int length) => (int)(((long)length + 63) >> 6);

    private static int PopCount(ReadOnlySpan<ulong> words)
    {
        var count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}
