using System.Text;
using OmniGraph.Arrow.Compute;
using OmniGraph.Arrow.Tests.TestSupport;

namespace OmniGraph.Arrow.Tests.Compute;

/// <summary>
/// The UTF-8 column kernels agree with .NET's string operations value by value (invariant case mapping, <c>Trim</c>,
/// ordinal prefix and substring, runes), on ASCII and non-ASCII data, sliced columns and nulls, which stay null.
/// </summary>
public sealed class Utf8KernelTests
{
    /// <summary>Characters whose case mapping or white-space status is interesting, ASCII or not, one and several UTF-8 bytes long.</summary>
    private static readonly string[] s_pieces =
    [
        "a", "Z", "q", " ", "\t", "\n", "0", "_", "%", "ß", "ẞ", "Ä", "ö", "Σ", "ς", "Ⱥ", "ⱥ", "ǅ", "İ", "ı", "\u00A0", "\u2003", "\u3000",
        "\u0085", "😀", "𐐀", "𐐨", "東", "é", "e\u0301",
    ];

    [Fact]
    public void Case_Ascii_KeepsOffsetsAndNulls()
    {
        var column = Col.Utf8("Alice", null, "bOB", "", "x y");
        Assert.Equal(Strings("alice", null, "bob", "", "x y"), Values(Utf8Kernels.ToLower(column)));
        Assert.Equal(Strings("ALICE", null, "BOB", "", "X Y"), Values(Utf8Kernels.ToUpper(column)));
        Assert.Equal(1, Utf8Kernels.ToLower(column).NullCount);
    }

    [Fact]
    public void Case_NonAscii_CanChangeTheByteLength()
    {
        var column = Col.Utf8("ẞÄΣ", "Ⱥx", null, "😀A");
        Assert.Equal(Strings("ßäσ", "ⱥx", null, "😀a"), Values(Utf8Kernels.ToLower(column)));
        Assert.Equal(Strings("ẞÄΣ", "ȺX", null, "😀A"), Values(Utf8Kernels.ToUpper(column)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryKernel_MatchesTheStringOperation_OnRandomColumns(int seed)
    {
        var random = new Random(seed);
        var values = RandomStrings(random, 300, asciiOnly: seed == 3);
        var whole = Build(values);

        // A slice starts at a non-zero offset and mid-bitmap: kernels must read through both.
        foreach (var (column, expected) in new[] { (whole, values), (whole.Slice(7, 250), values[7..257]) })
        {
            Assert.Equal(expected.Select(static v => v?.ToLowerInvariant()), Values(Utf8Kernels.ToLower(column)));
            Assert.Equal(expected.Select(static v => v?.ToUpperInvariant()), Values(Utf8Kernels.ToUpper(column)));
            Assert.Equal(expected.Select(static v => v?.Trim()), Values(Utf8Kernels.Trim(column)));
            Assert.Equal(expected.Select(static v => v is null ? (long?)null : v.EnumerateRunes().Count()), Longs(Utf8Kernels.CodePointLength(column)));

            var needle = expected.First(static v => v is { Length: > 2 })![..2];
            var needleBytes = Encoding.UTF8.GetBytes(needle);
            Assert.Equal(expected.Select(v => v?.StartsWith(needle, StringComparison.Ordinal)), Bools(Utf8Kernels.StartsWith(column, needleBytes)));
            Assert.Equal(expected.Select(v => v?.Contains(needle, StringComparison.Ordinal)), Bools(Utf8Kernels.Contains(column, needleBytes)));

            const string Text = "the alps ẞ 😀 are tall";
            var textBytes = Encoding.UTF8.GetBytes(Text);
            Assert.Equal(expected.Select(static v => v is null ? (bool?)null : Text.StartsWith(v, StringComparison.Ordinal)), Bools(Utf8Kernels.StartsWith(textBytes, column)));
            Assert.Equal(expected.Select(static v => v is null ? (bool?)null : Text.Contains(v, StringComparison.Ordinal)), Bools(Utf8Kernels.Contains(textBytes, column)));

            var others = RandomStrings(random, column.Length, asciiOnly: false);
            var otherColumn = Build(others);
            Assert.Equal(expected.Zip(others, static (v, o) => v is null || o is null ? (bool?)null : v.StartsWith(o, StringComparison.Ordinal)), Bools(Utf8Kernels.StartsWith(column, otherColumn)));
            Assert.Equal(expected.Zip(others, static (v, o) => v is null || o is null ? (bool?)null : v.Contains(o, StringComparison.Ordinal)), Bools(Utf8Kernels.Contains(column, otherColumn)));
        }
    }

    [Fact]
    public void Trim_WithNothingToTrim_ReturnsTheColumnItself()
    {
        var column = Col.Utf8("a", null, "b c", "ẞ");
        Assert.Same(column, Utf8Kernels.Trim(column));
        Assert.Equal(Strings("a", "x", null, ""), Values(Utf8Kernels.Trim(Col.Utf8(" a ", "\u3000x\u00A0", null, " \t\n"))));
    }

    [Fact]
    public void Predicates_OnEmptyStrings()
    {
        var column = Col.Utf8("", "a", null);
        Assert.Equal(Flags(true, true, null), Bools(Utf8Kernels.StartsWith(column, [])));
        Assert.Equal(Flags(true, true, null), Bools(Utf8Kernels.Contains(column, [])));
        Assert.Equal(Flags(true, false, null), Bools(Utf8Kernels.Contains([], column)));
    }

    [Fact]
    public void TwoColumns_OfDifferentLengths_AreRefused() =>
        Assert.Throws<ArgumentException>(() => Utf8Kernels.Contains(Col.Utf8("a"), Col.Utf8("a", "b")));

    private static string?[] RandomStrings(Random random, int count, bool asciiOnly)
    {
        var pieces = asciiOnly ? s_pieces.Where(static p => Ascii.IsValid(p)).ToArray() : s_pieces;
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            if (random.Next(9) == 0)
            {
                continue;
            }

            var builder = new StringBuilder();
            for (var n = random.Next(8); n > 0; n--)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            values[i] = builder.ToString();
        }

        return values;
    }

    private static Utf8Column Build(string?[] values) => Col.Utf8(values);

    private static IEnumerable<string?> Values(Utf8Column column) => Enumerable.Range(0, column.Length).Select(column.GetStringOrNull).ToList();

    private static IEnumerable<string?> Strings(params string?[] values) => values;

    private static IEnumerable<long?> Longs(PrimitiveColumn<long> column) => Enumerable.Range(0, column.Length).Select(column.GetValueOrNull).ToList();

    private static IEnumerable<bool?> Bools(BooleanColumn column) => Enumerable.Range(0, column.Length).Select(column.GetValueOrNull).ToList();

    private static IEnumerable<bool?> Flags(params bool?[] values) => values;
}
