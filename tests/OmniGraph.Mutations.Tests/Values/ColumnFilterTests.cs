using OmniGraph.Arrow;
using OmniGraph.Mutations.Matching;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Tests.Values;

/// <summary>The column-wise filter of a scan agrees with the query language's comparison (<see cref="QueryValueComparer"/>) on every row.</summary>
public sealed class ColumnFilterTests
{
    private static readonly ComparisonOperator[] s_operators =
    [
        ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.Less,
        ComparisonOperator.LessOrEqual, ComparisonOperator.Greater, ComparisonOperator.GreaterOrEqual,
    ];

    [Fact]
    public void Strings_CompareInCodePointOrder_AsTheComparerDoes()
    {
        string?[] cells = ["a", "b", null, "\uE000", "𝄞", "ab", string.Empty, "B"];
        var builder = new Utf8ColumnBuilder();
        foreach (var cell in cells)
        {
            builder.Append(cell);
        }

        var column = builder.Build();
        foreach (var probe in new[] { "a", "\uE000", "𝄞", string.Empty })
        {
            foreach (var op in s_operators)
            {
                var matches = new List<int>();
                ColumnFilter.Collect(column, PropertyType.Of(ScalarKind.String), op, QueryValue.FromString(probe), matches);
                var expected = Enumerable.Range(0, cells.Length)
                    .Where(i => cells[i] is not null && QueryValueComparer.Evaluate(op, QueryValue.FromString(cells[i]!), QueryValue.FromString(probe)))
                    .ToList();
                Assert.Equal(expected, matches);
            }
        }
    }

    [Fact]
    public void Numbers_CompareExactlyAcrossKinds_AndNullsNeverMatch()
    {
        var builder = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
        long?[] cells = [1, 2, null, 9007199254740993, -3];
        foreach (var cell in cells)
        {
            builder.Append(cell);
        }

        var column = builder.Build();
        foreach (var probe in new[] { QueryValue.FromFloat64(2.5), QueryValue.FromFloat64(9007199254740992), QueryValue.FromInt32(2), QueryValue.FromUInt64(ulong.MaxValue) })
        {
            foreach (var op in s_operators)
            {
                var matches = new List<int>();
                ColumnFilter.Collect(column, PropertyType.Of(ScalarKind.I64), op, probe, matches);
                var expected = Enumerable.Range(0, cells.Length)
                    .Where(i => cells[i] is { } v && QueryValueComparer.Evaluate(op, QueryValue.FromInt64(v), probe))
                    .ToList();
                Assert.Equal(expected, matches);
            }
        }

        var none = new List<int>();
        ColumnFilter.Collect(column, PropertyType.Of(ScalarKind.I64), ComparisonOperator.NotEqual, QueryValue.Null, none);
        Assert.Empty(none);
    }
}
