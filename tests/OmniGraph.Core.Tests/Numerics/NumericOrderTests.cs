namespace OmniGraph.Core.Tests.Numerics;

/// <summary>The query language's total order on numbers, which pushed-down filters and query execution share.</summary>
public sealed class NumericOrderTests
{
    [Theory]
    [InlineData(1.0, 2.0, -1)]
    [InlineData(2.0, 1.0, 1)]
    [InlineData(-0.0, 0.0, 0)]
    [InlineData(double.NaN, double.NaN, 0)]
    [InlineData(double.NaN, double.PositiveInfinity, 1)]
    [InlineData(double.NegativeInfinity, double.NaN, -1)]
    public void CompareDoubles_IsATotalOrderWithNaNLargest(double left, double right, int expected)
    {
        Assert.Equal(expected, NumericOrder.CompareDoubles(left, right));
    }

    [Fact]
    public void CompareIntegerToDouble_NeverRoundsTheInteger()
    {
        var twoPow53 = (Int128)1 << 53;

        // 2^53 + 1 has no double: a rounding comparison would call it equal to 2^53.
        Assert.Equal(1, NumericOrder.CompareIntegerToDouble(twoPow53 + 1, 9007199254740992.0));
        Assert.Equal(0, NumericOrder.CompareIntegerToDouble(twoPow53, 9007199254740992.0));
        Assert.Equal(-1, NumericOrder.CompareIntegerToDouble(2, 2.7));
        Assert.Equal(1, NumericOrder.CompareIntegerToDouble(-2, -2.7));
        Assert.Equal(0, NumericOrder.CompareIntegerToDouble(0, -0.0));
    }

    [Fact]
    public void CompareIntegerToDouble_PlacesInfinitiesAndNaNOutsideEveryInteger()
    {
        Assert.Equal(-1, NumericOrder.CompareIntegerToDouble(Int128.MaxValue, double.PositiveInfinity));
        Assert.Equal(-1, NumericOrder.CompareIntegerToDouble(Int128.MaxValue, double.NaN));
        Assert.Equal(1, NumericOrder.CompareIntegerToDouble(Int128.MinValue, double.NegativeInfinity));
        Assert.Equal(-1, NumericOrder.CompareIntegerToDouble(Int128.MaxValue, NumericOrder.TwoPow127));
        Assert.Equal(0, NumericOrder.CompareIntegerToDouble(Int128.MinValue, -NumericOrder.TwoPow127));
    }

    [Theory]
    [InlineData(3.0, true)]
    [InlineData(-0.0, true)]
    [InlineData(2.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(1.7014118346046923e38, false)]
    [InlineData(-1.7014118346046923e38, true)]
    public void TryGetExactInteger_AcceptsOnlyIntegralValuesWithinInt128(double value, bool expected)
    {
        Assert.Equal(expected, NumericOrder.TryGetExactInteger(value, out var integer));
        if (expected)
        {
            Assert.Equal(value, (double)integer);
        }
    }
}
