using OmniGraph.Abstractions;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Traversal;

/// <summary>
/// Dense ordinals for the node ids one traversal meets (sources and neighbours), so visited sets, emitted sets and group
/// lookups are arrays indexed by ordinal. Ids are never copied: an ordinal remembers where its bytes live (a probe
/// position of the request, or an endpoint cell of an edge row).
/// </summary>
internal sealed class NodeInterner
{
    private const long SourceFlag = 1L << 62;
    private const long TargetSideFlag = 1L << 61;
    private const long AddressMask = TargetSideFlag - 1;

    private readonly FragmentData[] _fragments;
    private readonly KeyBatch _sources;
    private readonly AddressHashTable _table;
    private long[] _references = new long[64];

    public NodeInterner(FragmentData[] fragments, KeyBatch sources)
    {
        _fragments = fragments;
        _sources = sources;
        // Sized small: count outputs often never intern, and the table doubles as nodes arrive.
        _table = new AddressHashTable(Math.Min(Math.Max(16, sources.Count * 2), 4096));
    }

    /// <summary>Ordinals handed out.</summary>
    public int Count { get; private set; }

    /// <summary>The ordinal of source probe <paramref name="position"/>.</summary>
    public int InternSource(int position) => Intern(_sources[position], SourceFlag | (uint)position);

    /// <summary>The ordinal of the node at one end of an edge (<paramref name="targetSide"/>: its <c>dst</c>, else its <c>src</c>).</summary>
    public int InternEndpoint(long edge, bool targetSide, ReadOnlySpan<byte> id) => Intern(id, targetSide ? edge | TargetSideFlag : edge);

    /// <summary>The id bytes of an ordinal.</summary>
    public ReadOnlySpan<byte> KeyOf(int ordinal)
    {
        var reference = _references[ordinal];
        if ((reference & SourceFlag) != 0)
        {
            return _sources[(int)(reference & AddressMask)];
        }

        var edge = reference & AddressMask;
        var fragment = _fragments[(int)(edge >> 32)];
        var column = (reference & TargetSideFlag) != 0 ? fragment.Targets! : fragment.Sources!;
        return column.GetBytes((int)(uint)edge);
    }

    private int Intern(ReadOnlySpan<byte> id, long reference)
    {
        var hash = KeyHashing.Hash(id);
        var reader = new Reader(this);
        var found = _table.Find(id, hash, ref reader);
        if (found != AddressHashTable.NotFound)
        {
            return (int)found;
        }

        var ordinal = Count++;
        if (ordinal == _references.Length)
        {
            Array.Resize(ref _references, ordinal * 2);
        }

        _references[ordinal] = reference;
        _table.AddNew(hash, ordinal);
        return ordinal;
    }

    private readonly struct Reader(NodeInterner interner) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value) => interner.KeyOf((int)value);
    }
}
