namespace OmniGraph.Search;

/// <summary>
/// The inverted index of one text column of one fragment (immutable, like the fragment): a sorted term dictionary,
/// per-term postings (row deltas and term frequencies in one byte stream, positions in another, both LEB128), the
/// length of every row in terms, and the fragment's BM25 statistics. No object per term or posting: a handful of arrays.
/// A table version's <see cref="TextIndex"/> combines the indexes of its fragments with their deletion masks, so an
/// appended fragment costs only its own index.
/// </summary>
public sealed partial class FragmentTextIndex
{
    private readonly char[] _termChars;
    private readonly int[] _termStarts;
    private readonly int[] _documentFrequencies;
    private readonly int[] _docStarts;
    private readonly int[] _positionStarts;
    private readonly byte[] _docs;
    private readonly byte[] _positions;
    private readonly int[] _rowLengths;

    private FragmentTextIndex(
        string analyzerName,
        char[] termChars,
        int[] termStarts,
        int[] documentFrequencies,
        int[] docStarts,
        int[] positionStarts,
        byte[] docs,
        byte[] positions,
        int[] rowLengths)
    {
        AnalyzerName = analyzerName;
        _termChars = termChars;
        _termStarts = termStarts;
        _documentFrequencies = documentFrequencies;
        _docStarts = docStarts;
        _positionStarts = positionStarts;
        _docs = docs;
        _positions = positions;
        _rowLengths = rowLengths;
        long total = 0;
        var documents = 0;
        foreach (var length in rowLengths)
        {
            total += length;
            documents += length > 0 ? 1 : 0;
        }

        TotalLength = total;
        DocumentCount = documents;
        for (var t = 0; t < TermCount; t++)
        {
            MaxTermLength = Math.Max(MaxTermLength, termStarts[t + 1] - termStarts[t]);
        }
    }

    /// <summary>The analyzer the column was analyzed with; a query must be analyzed with the same one.</summary>
    public string AnalyzerName { get; }

    /// <summary>Rows of the fragment (null and empty values included).</summary>
    public int RowCount => _rowLengths.Length;

    /// <summary>Rows that hold at least one term (BM25's document count before deletions).</summary>
    public int DocumentCount { get; }

    /// <summary>Terms over all rows (BM25's total length before deletions).</summary>
    public long TotalLength { get; }

    /// <summary>Distinct terms.</summary>
    public int TermCount => _documentFrequencies.Length;

    /// <summary>The longest term, in characters.</summary>
    public int MaxTermLength { get; }

    /// <summary>The heap bytes the index holds (arrays and their headers), for memory accounting.</summary>
    public long EstimatedBytes =>
        ArrayBytes(_termChars.Length, sizeof(char)) + ArrayBytes(_termStarts.Length, sizeof(int)) +
        ArrayBytes(_documentFrequencies.Length, sizeof(int)) + ArrayBytes(_docStarts.Length, sizeof(int)) +
        ArrayBytes(_positionStarts.Length, sizeof(int)) + ArrayBytes(_docs.Length, 1) + ArrayBytes(_positions.Length, 1) +
        ArrayBytes(_rowLengths.Length, sizeof(int)) + 96;

    /// <summary>Term <paramref name="term"/> (dictionary order is ordinal, by UTF-16 code unit).</summary>
    public ReadOnlySpan<char> Term(int term) => _termChars.AsSpan(_termStarts[term], _termStarts[term + 1] - _termStarts[term]);

    /// <summary>Rows holding term <paramref name="term"/>.</summary>
    public int DocumentFrequency(int term) => _documentFrequencies[term];

    /// <summary>Terms in row <paramref name="row"/> (0 for a null or term-less value).</summary>
    public int RowLength(int row) => _rowLengths[row];

    /// <summary>The dictionary index of <paramref name="term"/>, or -1.</summary>
    public int FindTerm(ReadOnlySpan<char> term)
    {
        var low = 0;
        var high = TermCount - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var comparison = Term(middle).SequenceCompareTo(term);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The first term at or after <paramref name="from"/> that does not start with <paramref name="prefix"/> (the terms from <paramref name="from"/> on that do are contiguous).</summary>
    internal int SkipPrefix(ReadOnlySpan<char> prefix, int from)
    {
        var low = from;
        var high = TermCount;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (Term(middle).StartsWith(prefix))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A cursor over term <paramref name="term"/>'s postings, before its first row.</summary>
    internal PostingsCursor Postings(int term) =>
        new(_docs, _docStarts[term], _positions, _positionStarts[term], _documentFrequencies[term]);

    private static long ArrayBytes(long length, int elementSize) => 24 + (length * elementSize);
}
