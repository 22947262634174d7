using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// One table version in memory: its fragments, their deletion masks and, built on first use or carried over from the
/// parent version, its derived indexes (key → row, adjacency by source and by target, one per <c>@unique</c>
/// constraint). Immutable except for the lazily built indexes, which are only touched on the owning grain's turns.
/// </summary>
internal sealed class TableVersionView
{
    private RowKeyIndex? _keys;
    private AdjacencyIndex? _bySource;
    private AdjacencyIndex? _byTarget;
    private readonly RowKeyIndex?[] _unique;
    private bool _resident;
    private bool _endpoints;

    public TableVersionView(
        TableVersionRef reference,
        TableLayout layout,
        string schemaHash,
        FragmentData[] fragments,
        DeletionMask[] masks,
        DeletionVectorDocument?[] deletionVectors)
    {
        Ref = reference;
        Layout = layout;
        SchemaHash = schemaHash;
        Fragments = fragments;
        Masks = masks;
        DeletionVectors = deletionVectors;
        long live = 0;
        long deleted = 0;
        for (var i = 0; i < fragments.Length; i++)
        {
            live += fragments[i].Rows - masks[i].Count;
            deleted += masks[i].Count;
        }

        RowCount = live;
        DeletedRowCount = deleted;
        _unique = new RowKeyIndex?[layout.Type.UniqueConstraints.Length];
    }

    /// <summary>The version.</summary>
    public TableVersionRef Ref { get; }

    /// <summary>
    /// How many delta objects lead from this version's object to a full one (0: stored in full, or not stored yet): the
    /// next version is written in full once this reaches <see cref="Storage.StorageFormat.TableVersionCheckpointInterval"/> - 1.
    /// </summary>
    public int ChainDepth { get; init; }

    /// <summary>The table's layout.</summary>
    public TableLayout Layout { get; }

    /// <summary>The schema the version is laid out by.</summary>
    public string SchemaHash { get; }

    /// <summary>The fragments, in the version's order (row addresses index this array).</summary>
    public FragmentData[] Fragments { get; }

    /// <summary>The deletion mask of each fragment.</summary>
    public DeletionMask[] Masks { get; }

    /// <summary>The deletion vector object of each fragment in this version (<c>null</c> when none of its rows is deleted).</summary>
    public DeletionVectorDocument?[] DeletionVectors { get; }

    /// <summary>Live rows.</summary>
    public long RowCount { get; }

    /// <summary>Rows hidden by deletion masks.</summary>
    public long DeletedRowCount { get; }

    /// <summary>Whether every fragment's rows are in memory (a version a large write staged is not, until its first read).</summary>
    public bool IsResident
    {
        get
        {
            if (_resident)
            {
                return true;
            }

            foreach (var fragment in Fragments)
            {
                if (!fragment.IsResident)
                {
                    return false;
                }
            }

            // Fragments never leave residence: later reads skip the walk.
            return _resident = true;
        }
    }

    /// <summary>Whether every fragment's endpoint columns are in memory (all a traversal reads of an edge table).</summary>
    public bool HasEndpoints
    {
        get
        {
            if (_resident || _endpoints)
            {
                return true;
            }

            foreach (var fragment in Fragments)
            {
                if (!fragment.HasEndpoints)
                {
                    return false;
                }
            }

            return _endpoints = true;
        }
    }

    /// <summary>The read that is making the fragments resident, shared by every caller that finds them missing.</summary>
    public Task? Residency { get; set; }

    /// <summary>The read that is bringing the endpoint columns in, shared likewise.</summary>
    public Task? EndpointResidency { get; set; }

    /// <summary>Whether the key index is built (tests and diagnostics).</summary>
    public bool HasKeyIndex => _keys is not null;

    /// <summary>The key index (built on first use).</summary>
    public RowKeyIndex Keys => _keys ??= RowKeyIndex.Build(Fragments, Masks, IdKeyFunction.Instance);

    /// <summary>Edges grouped by <c>src</c> (built on first use).</summary>
    public AdjacencyIndex BySource => _bySource ??= AdjacencyIndex.Build(Fragments, Masks, bySource: true);

    /// <summary>Edges grouped by <c>dst</c> (built on first use).</summary>
    public AdjacencyIndex ByTarget => _byTarget ??= AdjacencyIndex.Build(Fragments, Masks, bySource: false);

    /// <summary>Whether the row at a packed address is live.</summary>
    public bool IsLive(long address)
    {
        var fragment = (int)(address >> 32);
        return !Masks[fragment].IsDeleted((int)(uint)address);
    }

    /// <summary>The index of <c>@unique</c> constraint <paramref name="ordinal"/> (built on first use).</summary>
    public RowKeyIndex Unique(int ordinal) => _unique[ordinal] ??= RowKeyIndex.Build(Fragments, Masks, UniqueFunction(ordinal));

    /// <summary>The key function of <c>@unique</c> constraint <paramref name="ordinal"/>.</summary>
    public TupleKeyFunction UniqueFunction(int ordinal)
    {
        var constraint = Layout.Type.UniqueConstraints[ordinal];
        var columns = ImmutableArray.CreateBuilder<int>(constraint.Columns.Length);
        foreach (var name in constraint.Columns)
        {
            columns.Add(Layout.Schema.GetFieldIndex(name));
        }

        return new TupleKeyFunction(columns.MoveToImmutable());
    }

    /// <summary>
    /// Carries the parent's built indexes over to this version (the next version of the same chain: fragments only
    /// appended), applying the rows the write removed and added. Indexes the parent never built stay lazy.
    /// </summary>
    public void InheritIndexes(TableVersionView parent, ReadOnlySpan<long> removed, ReadOnlySpan<long> added)
    {
        if (parent._keys is { } keys)
        {
            _keys = keys.With(Fragments, Masks, removed, added);
        }

        if (parent._bySource is { } bySource)
        {
            _bySource = bySource.With(Fragments, Masks, added);
        }

        if (parent._byTarget is { } byTarget)
        {
            _byTarget = byTarget.With(Fragments, Masks, added);
        }

        for (var i = 0; i < _unique.Length && i < parent._unique.Length; i++)
        {
            if (parent._unique[i] is { } unique)
            {
                _unique[i] = unique.With(Fragments, Masks, removed, added);
            }
        }
    }

    /// <summary>Bytes held by the fragments (an estimate).</summary>
    public long EstimatedBytes
    {
        get
        {
            long total = 0;
            foreach (var fragment in Fragments)
            {
                total += fragment.EstimatedBytes;
            }

            return total;
        }
    }
}
