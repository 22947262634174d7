using OmniGraph.Arrow;

namespace OmniGraph.Tables.Indexes;

/// <summary>Collects distinct UTF-8 keys in first-seen order into one arena (no string per key), then hands them out as a column.</summary>
internal sealed class DistinctKeyCollector
{
    private readonly ByteScratch _arena = new();
    private readonly List<int> _offsets = [0];
    private readonly AddressHashTable _seen = new();

    /// <summary>Keys collected.</summary>
    public int Count => _offsets.Count - 1;

    /// <summary>Adds a key unless it was seen.</summary>
    public void Add(ReadOnlySpan<byte> key)
    {
        var hash = KeyHashing.Hash(key);
        var reader = new Reader(this);
        if (_seen.Find(key, hash, ref reader) != AddressHashTable.NotFound)
        {
            return;
        }

        _arena.Append(key);
        _offsets.Add(_arena.Written.Length);
        _seen.AddNew(hash, _offsets.Count - 2);
    }

    /// <summary>The keys, in first-seen order.</summary>
    public Utf8Column ToColumn()
    {
        var builder = new Utf8ColumnBuilder();
        var bytes = _arena.Written;
        for (var i = 0; i < Count; i++)
        {
            builder.Append(bytes[_offsets[i].._offsets[i + 1]]);
        }

        return builder.Build();
    }

    private ReadOnlySpan<byte> KeyAt(int index) => _arena.Written[_offsets[index].._offsets[index + 1]];

    private readonly struct Reader(DistinctKeyCollector owner) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value) => owner.KeyAt((int)value);
    }
}
