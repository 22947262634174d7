using System.Globalization;
using OmniGraph.Arrow;

namespace OmniGraph.Search;

public sealed partial class FragmentTextIndex
{
    /// <summary>
    /// Indexes a fragment's text column: every valid row is analyzed with <paramref name="analyzer"/>; null rows hold no
    /// term. Cost: one analysis pass, then a counting sort of the tokens by term (about 16 bytes per token while building).
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.NotTextColumn"/>: the column is not UTF-8 text;
    /// <see cref="SearchErrorCodes.IndexTooLarge"/>: the postings would exceed one 2 GiB buffer.</exception>
    public static FragmentTextIndex Build(ArrowColumn column, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(analyzer);
        if (column is not Utf8Column text)
        {
            SearchThrow.Error(SearchErrorCodes.NotTextColumn, string.Create(CultureInfo.InvariantCulture, $"T19: full-text search needs a String property; the column is {column.Type}."));
            return null!;
        }

        // 1. Analyze every row into a token stream (term id in first-seen order, position), rows in order.
        var collector = new TokenCollector(text.Length);
        for (var row = 0; row < text.Length; row++)
        {
            collector.StartRow(row);
            if (text.IsValid(row))
            {
                analyzer.AnalyzeUtf8(text.GetBytes(row), collector);
            }
        }

        collector.StartRow(text.Length);

        // 2. Sort the dictionary ordinally and renumber the terms in that order.
        var termCount = collector.Terms.Count;
        var byFirstSeen = new string[termCount];
        foreach (var (term, id) in collector.Terms)
        {
            byFirstSeen[id] = term;
        }

        var sortedIds = new int[termCount];
        for (var i = 0; i < termCount; i++)
        {
            sortedIds[i] = i;
        }

        Array.Sort(sortedIds, (a, b) => string.CompareOrdinal(byFirstSeen[a], byFirstSeen[b]));
        var rank = new int[termCount];
        for (var i = 0; i < termCount; i++)
        {
            rank[sortedIds[i]] = i;
        }

        // 3. Counting sort of the tokens by sorted term: each term's bucket keeps row order, then position order.
        var tokenTerms = collector.TokenTerms.Items;
        var tokenPositions = collector.TokenPositions.Items;
        var bucketStarts = new int[termCount + 1];
        foreach (var id in tokenTerms)
        {
            bucketStarts[rank[id] + 1]++;
        }

        for (var t = 0; t < termCount; t++)
        {
            bucketStarts[t + 1] += bucketStarts[t];
        }

        var next = bucketStarts.AsSpan(0, termCount).ToArray();
        var bucketRows = new int[tokenTerms.Length];
        var bucketPositions = new int[tokenTerms.Length];
        var rowStarts = collector.RowStarts;
        for (var row = 0; row < text.Length; row++)
        {
            for (var token = rowStarts[row]; token < rowStarts[row + 1]; token++)
            {
                var slot = next[rank[tokenTerms[token]]]++;
                bucketRows[slot] = row;
                bucketPositions[slot] = tokenPositions[token];
            }
        }

        // 4. Encode each term's postings: docs = (row delta, frequency)*, positions = per row, deltas from the row's previous one.
        var docs = new ByteBuffer(tokenTerms.Length);
        var positions = new ByteBuffer(tokenTerms.Length);
        var documentFrequencies = new int[termCount];
        var docStarts = new int[termCount + 1];
        var positionStarts = new int[termCount + 1];
        var termStarts = new int[termCount + 1];
        var termChars = new char[byFirstSeen.Sum(static term => term.Length)];
        for (var t = 0; t < termCount; t++)
        {
            var term = byFirstSeen[sortedIds[t]];
            term.CopyTo(termChars.AsSpan(termStarts[t]));
            termStarts[t + 1] = termStarts[t] + term.Length;
            docStarts[t] = docs.Length;
            positionStarts[t] = positions.Length;
            var previousRow = 0;
            var token = bucketStarts[t];
            var end = bucketStarts[t + 1];
            while (token < end)
            {
                var row = bucketRows[token];
                var runEnd = token;
                while (runEnd < end && bucketRows[runEnd] == row)
                {
                    runEnd++;
                }

                VarInt.Write(docs, (uint)(row - previousRow));
                VarInt.Write(docs, (uint)(runEnd - token));
                var previousPosition = 0;
                for (; token < runEnd; token++)
                {
                    VarInt.Write(positions, (uint)(bucketPositions[token] - previousPosition));
                    previousPosition = bucketPositions[token];
                }

                previousRow = row;
                documentFrequencies[t]++;
            }
        }

        docStarts[termCount] = docs.Length;
        positionStarts[termCount] = positions.Length;
        return new FragmentTextIndex(analyzer.Name, termChars, termStarts, documentFrequencies, docStarts, positionStarts, docs.ToArray(), positions.ToArray(), collector.RowLengths);
    }

    /// <summary>Collects the tokens of every row, interning each distinct term once.</summary>
    private sealed class TokenCollector : ITokenSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private int _row = -1;

        public TokenCollector(int rows)
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            Terms = terms;
            _lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
            RowStarts = new int[rows + 1];
            RowLengths = new int[rows];
            // Two tokens a row to start with (a name, a title), doubling as longer texts need: eight a row up front held
            // 64 MB of mostly empty buffers while a million-row fragment of names was indexed.
            TokenTerms = new IntBuffer(rows * 2);
            TokenPositions = new IntBuffer(rows * 2);
        }

        public Dictionary<string, int> Terms { get; }

        public IntBuffer TokenTerms { get; }

        public IntBuffer TokenPositions { get; }

        public int[] RowStarts { get; }

        public int[] RowLengths { get; }

        public void StartRow(int row)
        {
            if (_row >= 0)
            {
                RowLengths[_row] = TokenTerms.Count - RowStarts[_row];
            }

            _row = row;
            RowStarts[row] = TokenTerms.Count;
        }

        public void OnToken(ReadOnlySpan<char> term, int position)
        {
            if (!_lookup.TryGetValue(term, out var id))
            {
                id = Terms.Count;
                _lookup.TryAdd(term, id);
            }

            TokenTerms.Add(id);
            TokenPositions.Add(position);
        }
    }
}
