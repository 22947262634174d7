namespace OmniGraph.Query.Values;

/// <summary>
/// String ordering used by filters and sorting: Unicode code point order, which equals the byte order of the
/// UTF-8 encodings. Plain UTF-16 ordinal comparison differs from it for characters above U+E000 against
/// supplementary characters, so data compared as UTF-8 bytes and as .NET strings would disagree.
/// </summary>
public static class StringOrder
{
    /// <summary>Compares two strings by code point; equal strings compare 0.</summary>
    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        return Rank(left[common]).CompareTo(Rank(right[common]));
    }

    /// <summary>Compares two UTF-8 encoded strings (plain byte order).</summary>
    public static int CompareUtf8(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => left.SequenceCompareTo(right);

    // Surrogates (U+D800–U+DFFF) encode code points above U+FFFF, so they must sort after U+E000–U+FFFF.
    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
