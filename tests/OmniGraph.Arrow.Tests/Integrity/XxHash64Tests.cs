using System.Text;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Arrow.Tests.Integrity;

public sealed class XxHash64Tests
{
    /// <summary>Expected values come from the reference C library (libxxhash 0.8.1).</summary>
    [Theory]
    [InlineData("", 0UL, 0xef46db3751d8e999UL)]
    [InlineData("a", 0UL, 0xd24ec4f1a98c6e5bUL)]
    [InlineData("abc", 0UL, 0x44bc2cf5ad770999UL)]
    [InlineData("123456789", 0UL, 0x8cb841db40e6ae83UL)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0UL, 0x0b242d361fda71bcUL)]
    [InlineData("abc", 42UL, 0x13c1d910702770e6UL)]
    public void Hash_MatchesReferenceImplementation(string text, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(text), seed));
    }

    [Fact]
    public void Hash_LongInputsAndSeeds_MatchReferenceImplementation()
    {
        var hundred = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var thirtySeven = Enumerable.Range(0, 37).Select(i => (byte)i).ToArray();

        Assert.Equal(0x6ac1e58032166597UL, XxHash64.Hash(hundred));
        Assert.Equal(0x938d1db91225bf4dUL, XxHash64.Hash(thirtySeven, 0x9E3779B185EBCA87UL));
    }

    [Fact]
    public void ColumnValueHash_EqualsHashOfTheSameBytes()
    {
        var column = TestSupport.Col.Utf8("alpha", null, "日本語", "");

        Assert.Equal(XxHash64.Hash("alpha"u8), column.GetValueHash64(0));
        Assert.Equal(XxHash64.Hash("日本語"u8, 9), column.GetValueHash64(2, 9));
        Assert.Equal(XxHash64.Hash([]), column.GetValueHash64(3));
    }
}
