using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;

namespace OmniGraph.Query.Tests.Values;

/// <summary>Comparison semantics shared by type checking and execution: exact numbers, SQL nulls, total sort order.</summary>
public sealed class QueryValueComparerTests
{
    private static readonly QueryValue s_null = QueryValue.Null;

    [Fact]
    public void Numbers_CompareExactlyAcrossKinds()
    {
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromInt32(2), QueryValue.FromFloat64(2.0)));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromInt32(2), QueryValue.FromFloat64(2.7)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Less, QueryValue.FromInt32(2), QueryValue.FromFloat64(2.7)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Greater, QueryValue.FromInt32(3), QueryValue.FromFloat64(2.7)));

        // 2^53 + 1 is not representable as a double; rounding the integer would call these equal.
        var big = QueryValue.FromInt64((1L << 53) + 1);
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.Equal, big, QueryValue.FromFloat64(9007199254740992.0)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Greater, big, QueryValue.FromFloat64(9007199254740992.0)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Greater, QueryValue.FromUInt64(ulong.MaxValue), QueryValue.FromInt64(long.MaxValue)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Less, QueryValue.FromInt64(-1), QueryValue.FromUInt32(0)));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromFloat32(0.1f), QueryValue.FromFloat64(0.1)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromFloat32(0.25f), QueryValue.FromFloat64(0.25)));
    }

    [Fact]
    public void NaN_IsEqualToItselfAndLargest()
    {
        var nan = QueryValue.FromFloat64(double.NaN);
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Equal, nan, QueryValue.FromFloat32(float.NaN)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Greater, nan, QueryValue.FromFloat64(double.PositiveInfinity)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Greater, nan, QueryValue.FromUInt64(ulong.MaxValue)));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromFloat64(-0.0), QueryValue.FromInt32(0)));
        Assert.Equal(nan.GetHashCode(), QueryValue.FromFloat32(float.NaN).GetHashCode());
    }

    [Fact]
    public void Nulls_NeverMatchAFilter()
    {
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            Assert.False(QueryValueComparer.Evaluate(op, s_null, QueryValue.FromInt32(1)));
            Assert.False(QueryValueComparer.Evaluate(op, QueryValue.FromString("a"), s_null));
        }
    }

    [Fact]
    public void Sorting_PutsNullFirstAndOrdersStringsByCodePoint()
    {
        Assert.True(QueryValueComparer.CompareForSort(s_null, QueryValue.FromInt32(int.MinValue)) < 0);
        Assert.Equal(0, QueryValueComparer.CompareForSort(s_null, s_null));

        // U+FF5E (BMP, above the surrogate range) sorts before U+1F600 in code point (and UTF-8) order.
        Assert.True(QueryValueComparer.CompareForSort(QueryValue.FromString("\uFF5E"), QueryValue.FromString("\U0001F600")) < 0);
        Assert.True(string.CompareOrdinal("\uFF5E", "\U0001F600") > 0);
        Assert.True(StringOrder.Compare("ab", "abc") < 0);
        Assert.True(StringOrder.Compare("B", "a") < 0);
        Assert.True(QueryValueComparer.CompareForSort(QueryValue.FromBool(false), QueryValue.FromBool(true)) < 0);
        Assert.True(QueryValueComparer.CompareForSort(QueryValue.FromDate(1), QueryValue.FromDate(2)) < 0);
    }

    [Fact]
    public void StringAndListOperators()
    {
        var label = QueryValue.FromString("beta ray");
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.StringContains, label, QueryValue.FromString("ta r")));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.StringContains, label, QueryValue.FromString("TA")));
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.StartsWith, label, QueryValue.FromString("be")));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.StartsWith, QueryValue.FromString("a_b"), QueryValue.FromString("a%")));
        var tags = QueryValue.FromList([QueryValue.FromString("red"), QueryValue.FromString("blue")]);
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.ListContains, tags, QueryValue.FromString("red")));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.ListContains, tags, QueryValue.FromString("green")));
        var numbers = QueryValue.FromList([QueryValue.FromInt64(1), QueryValue.FromInt64(2)]);
        Assert.True(QueryValueComparer.Evaluate(ComparisonOperator.ListContains, numbers, QueryValue.FromInt32(2)));
    }

    [Fact]
    public void IncomparableKinds_NeverMatch()
    {
        Assert.False(QueryValueComparer.TryCompare(QueryValue.FromDate(1), QueryValue.FromDateTime(1), out _));
        Assert.False(QueryValueComparer.Evaluate(ComparisonOperator.Equal, QueryValue.FromString("1"), QueryValue.FromInt32(1)));
        Assert.False(QueryValueComparer.TryCompare(QueryValue.FromVector([1f]), QueryValue.FromVector([1f]), out _));
    }

    [Fact]
    public void Equality_ForGroupingIsConsistentWithHashing()
    {
        QueryValue[] equal = [QueryValue.FromInt32(3), QueryValue.FromInt64(3), QueryValue.FromUInt64(3), QueryValue.FromFloat32(3f), QueryValue.FromFloat64(3.0)];
        foreach (var a in equal)
        {
            foreach (var b in equal)
            {
                Assert.Equal(a, b);
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }

        Assert.Equal(QueryValue.Null, default(QueryValue));
        Assert.NotEqual(QueryValue.Null, QueryValue.FromInt32(0));
        Assert.Equal(QueryValue.FromVector([1f, 2f]), QueryValue.FromVector([1f, 2f]));
        Assert.Equal(QueryValue.FromList([QueryValue.FromString("a")]), QueryValue.FromList([QueryValue.FromString("a")]));
        Assert.NotEqual(QueryValue.FromDate(1), QueryValue.FromDateTime(1));
    }

    [Fact]
    public void Accessors_CheckTheKind()
    {
        Assert.Throws<InvalidOperationException>(() => QueryValue.FromInt32(1).AsString());
        Assert.Throws<InvalidOperationException>(() => QueryValue.FromString("x").AsInteger());
        Assert.Throws<ArgumentException>(() => QueryValue.FromList([QueryValue.Null]));
        Assert.Throws<ArgumentException>(() => NumericComparison.Compare(QueryValue.FromString("x"), QueryValue.FromInt32(1)));
    }

    [Fact]
    public void ToString_RendersQuerySyntax()
    {
        Assert.Equal("\"a\\\"b\"", QueryValue.FromString("a\"b").ToString());
        Assert.Equal("date(\"2024-01-02\")", QueryValue.FromDate(19724).ToString());
        Assert.Equal("[1, 2]", QueryValue.FromList([QueryValue.FromInt64(1), QueryValue.FromInt64(2)]).ToString());
        Assert.Equal("null", QueryValue.Null.ToString());
        Assert.Equal("2.5", QueryValue.FromFloat64(2.5).ToString());
    }
}
