using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// A UTF-8 column compared with a string constant on raw bytes: byte order is code point order, and a byte-level
/// substring or prefix match of valid UTF-8 is exactly the character-level one (exact and case-sensitive).
/// </summary>
internal sealed class StringPredicate : CompiledPredicate
{
    private readonly ColumnPredicateOperator _op;
    private readonly byte[] _constant;

    public StringPredicate(int columnIndex, ColumnPredicate source)
        : base(columnIndex, source)
    {
        _op = source.Operator;
        _constant = source.Value.GetUtf8();
    }

    public override int Filter(ArrowColumn column, Span<int> rows, int count)
    {
        var strings = (VariableBinaryColumn)column;
        var offsets = strings.Offsets;
        var data = strings.Data;
        var checkNulls = column.NullCount > 0;
        var constant = _constant.AsSpan();
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            var value = data[offsets[row]..offsets[row + 1]];
            if (Test(value, constant) && (!checkNulls || column.IsValid(row)))
            {
                rows[kept++] = row;
            }
        }

        return kept;
    }

    public override bool Matches(ArrowColumn column, int row) =>
        column.IsValid(row) && Test(((VariableBinaryColumn)column).GetBytes(row), _constant);

    private bool Test(ReadOnlySpan<byte> value, ReadOnlySpan<byte> constant) => _op switch
    {
        ColumnPredicateOperator.Equal => value.SequenceEqual(constant),
        ColumnPredicateOperator.NotEqual => !value.SequenceEqual(constant),
        ColumnPredicateOperator.Contains => value.IndexOf(constant) >= 0,
        ColumnPredicateOperator.StartsWith => value.StartsWith(constant),
        ColumnPredicateOperator.ContainedIn => constant.IndexOf(value) >= 0,
        ColumnPredicateOperator.PrefixOf => constant.StartsWith(value),
        _ => Accepts(_op, value.SequenceCompareTo(constant)),
    };
}
