using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Equality index over one column of one table version (for <c>@index</c> columns): the live rows grouped by value
/// (<see cref="TupleEncoding"/> of the cell; null cells are not indexed), each group's rows in storage order. Built on
/// first use per version and never persisted: derived state, like every engine index.
/// </summary>
internal sealed class ColumnValueIndex
{
    private readonly FragmentData[] _fragments;
    private readonly int _column;
    private readonly AddressHashTable _groups;
    private readonly long[] _groupKeyRow;
    private readonly int[] _groupStart;
    private readonly long[] _rows;
    private readonly ByteScratch _scratch = new();

    private ColumnValueIndex(FragmentData[] fragments, int column, AddressHashTable groups, long[] groupKeyRow, int[] groupStart, long[] rows)
    {
        _fragments = fragments;
        _column = column;
        _groups = groups;
        _groupKeyRow = groupKeyRow;
        _groupStart = groupStart;
        _rows = rows;
    }

    /// <summary>Distinct indexed values.</summary>
    public int GroupCount => _groupKeyRow.Length;

    /// <summary>Groups every live, non-null row of a version by the value of <paramref name="column"/>.</summary>
    public static ColumnValueIndex Build(FragmentData[] fragments, DeletionMask[] masks, int column)
    {
        var groups = new AddressHashTable();
        var groupKeyRow = new long[16];
        var counts = new int[16];
        var groupCount = 0;
        var groupOfRow = new List<int>();
        var rowAddresses = new List<long>();
        var scratch = new ByteScratch();
        var reader = new GroupReader(fragments, column, null!, new ByteScratch());
        for (var f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            var values = fragment.Batch.Column(column);
            var mask = masks[f];
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (mask.IsDeleted(row))
                {
                    continue;
                }

                scratch.Reset();
                if (!TupleEncoding.TryAppend(values, row, scratch))
                {
                    continue;
                }

                var key = scratch.Written;
                var hash = KeyHashing.Hash(key);
                var address = ((long)f << 32) | (uint)row;
                reader = reader with { GroupKeyRow = groupKeyRow };
                var group = groups.Find(key, hash, ref reader);
                if (group == AddressHashTable.NotFound)
                {
                    if (groupCount == groupKeyRow.Length)
                    {
                        Array.Resize(ref groupKeyRow, groupCount * 2);
                        Array.Resize(ref counts, groupCount * 2);
                    }

                    group = groupCount++;
                    groupKeyRow[group] = address;
                    groups.AddNew(hash, group);
                }

                counts[(int)group]++;
                groupOfRow.Add((int)group);
                rowAddresses.Add(address);
            }
        }

        var groupStart = new int[groupCount + 1];
        for (var g = 0; g < groupCount; g++)
        {
            groupStart[g + 1] = groupStart[g] + counts[g];
        }

        var cursor = (int[])groupStart.Clone();
        var rows = new long[rowAddresses.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[cursor[groupOfRow[i]]++] = rowAddresses[i];
        }

        return new ColumnValueIndex(fragments, column, groups, groupKeyRow.AsSpan(0, groupCount).ToArray(), groupStart, rows);
    }

    /// <summary>The packed addresses of the rows holding the encoded value <paramref name="key"/>, in storage order.</summary>
    public ReadOnlySpan<long> Find(ReadOnlySpan<byte> key)
    {
        var reader = new GroupReader(_fragments, _column, _groupKeyRow, _scratch);
        var group = _groups.Find(key, KeyHashing.Hash(key), ref reader);
        return group == AddressHashTable.NotFound ? default : _rows.AsSpan(_groupStart[group], _groupStart[group + 1] - _groupStart[group]);
    }

    private readonly record struct GroupReader(FragmentData[] Fragments, int Column, long[] GroupKeyRow, ByteScratch Scratch) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value)
        {
            var address = GroupKeyRow[(int)value];
            Scratch.Reset();
            TupleEncoding.TryAppend(Fragments[(int)(address >> 32)].Batch.Column(Column), (int)(uint)address, Scratch);
            return Scratch.Written;
        }
    }
}
