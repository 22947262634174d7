using OmniGraph.Abstractions;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Selection;

/// <summary>A list column tested for membership of a constant: some element equals it (a null list never matches).</summary>
internal sealed class ListContainsPredicate : CompiledPredicate
{
    private readonly CompiledPredicate _element;

    public ListContainsPredicate(int columnIndex, ColumnPredicate source, CompiledPredicate elementEquality)
        : base(columnIndex, source)
    {
        _element = elementEquality;
    }

    public override bool IsNever => _element.IsNever;

    public override int Filter(ArrowColumn column, Span<int> rows, int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (Matches(column, row))
            {
                rows[kept++] = row;
            }
        }

        return kept;
    }

    public override bool Matches(ArrowColumn column, int row)
    {
        if (!column.IsValid(row))
        {
            return false;
        }

        var list = (ListColumn)column;
        var (start, length) = list.GetValueRange(row);
        for (var i = start; i < start + length; i++)
        {
            if (_element.Matches(list.Values, i))
            {
                return true;
            }
        }

        return false;
    }
}
