using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Selection;

/// <summary>A conjunction of compiled predicates over one table's rows (empty: every row passes).</summary>
internal sealed class RowFilter
{
    private readonly CompiledPredicate[] _predicates;

    public RowFilter(CompiledPredicate[] predicates)
    {
        _predicates = predicates;
        foreach (var predicate in predicates)
        {
            IsNever |= predicate.IsNever;
        }
    }

    /// <summary>The filter that keeps every row.</summary>
    public static RowFilter None { get; } = new([]);

    /// <summary>The predicates, in request order.</summary>
    public ReadOnlySpan<CompiledPredicate> Predicates => _predicates;

    /// <summary><c>true</c> when there is nothing to test.</summary>
    public bool IsEmpty => _predicates.Length == 0;

    /// <summary><c>true</c> when no row can pass.</summary>
    public bool IsNever { get; }

    /// <summary>This filter without <paramref name="answered"/> (a predicate an index already answered).</summary>
    public RowFilter Without(CompiledPredicate answered) =>
        new([.. _predicates.Where(p => !ReferenceEquals(p, answered))]);

    /// <summary>Keeps the rows of <paramref name="rows"/>[0..<paramref name="count"/>) of a fragment that pass every predicate; returns how many.</summary>
    public int Apply(FragmentData fragment, Span<int> rows, int count)
    {
        foreach (var predicate in _predicates)
        {
            if (count == 0)
            {
                break;
            }

            count = predicate.Filter(fragment.Batch.Column(predicate.ColumnIndex), rows, count);
        }

        return count;
    }

    /// <summary>Whether one row of a fragment passes every predicate.</summary>
    public bool Matches(FragmentData fragment, int row)
    {
        foreach (var predicate in _predicates)
        {
            if (!predicate.Matches(fragment.Batch.Column(predicate.ColumnIndex), row))
            {
                return false;
            }
        }

        return true;
    }
}
