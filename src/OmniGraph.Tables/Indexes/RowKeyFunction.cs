using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Indexes;

/// <summary>What a <see cref="RowKeyIndex"/> indexes a row by.</summary>
internal abstract class RowKeyFunction
{
    /// <summary>Whether live rows never share a key (so a bulk build needs no comparisons).</summary>
    public abstract bool KeysAreUnique { get; }

    /// <summary>The key of a row (built in <paramref name="scratch"/> when it is not a stored value); <c>false</c> when the row has none.</summary>
    public abstract bool TryGetKey(FragmentData fragment, int row, ByteScratch scratch, out ReadOnlySpan<byte> key);
}

/// <summary>Rows by their <c>id</c> (the key index).</summary>
internal sealed class IdKeyFunction : RowKeyFunction
{
    public static IdKeyFunction Instance { get; } = new();

    public override bool KeysAreUnique => true;

    public override bool TryGetKey(FragmentData fragment, int row, ByteScratch scratch, out ReadOnlySpan<byte> key)
    {
        key = fragment.Ids.GetBytes(row);
        return true;
    }
}

/// <summary>Rows by the tuple of a <c>@unique</c> constraint's columns (rows with a null member are not indexed).</summary>
internal sealed class TupleKeyFunction(ImmutableArray<int> columnIndexes) : RowKeyFunction
{
    public ImmutableArray<int> ColumnIndexes { get; } = columnIndexes;

    public override bool KeysAreUnique => true;

    public override bool TryGetKey(FragmentData fragment, int row, ByteScratch scratch, out ReadOnlySpan<byte> key)
    {
        scratch.Reset();
        foreach (var index in ColumnIndexes)
        {
            if (!TupleEncoding.TryAppend(fragment.Batch.Column(index), row, scratch))
            {
                key = default;
                return false;
            }
        }

        key = scratch.Written;
        return true;
    }

    /// <summary>The probe key of row <paramref name="row"/> of a batch holding exactly the constraint's columns.</summary>
    public static bool TryGetProbeKey(RecordBatch values, int row, ByteScratch scratch, out ReadOnlySpan<byte> key)
    {
        scratch.Reset();
        foreach (var column in values.Columns)
        {
            if (!TupleEncoding.TryAppend(column, row, scratch))
            {
                key = default;
                return false;
            }
        }

        key = scratch.Written;
        return true;
    }
}
