using OmniGraph.Abstractions;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Tests.Storage;

/// <summary>
/// Table versions stored as deltas (format 2): resolution to the whole fragment list over the nearest full version, the
/// objects a resolved version needs (its links), and every way a stored chain can be wrong, each a typed error naming the
/// object, never another table.
/// </summary>
public sealed class TableVersionChainTests
{
    private const string Table = "node:Person";
    private const string Incarnation = "01JAAAAAAAAAAAAAAAAAAAAAAA";
    private static readonly string s_schema = new('a', 64);
    private static readonly string s_deletionKey = GraphObjectKeys.DeletionVector(false, 1, "01JEEEEEEEEEEEEEEEEEEEEEEE");

    private readonly MemoryObjectStore _store = new();

    /// <summary>The resolved fragment list of each version the test stored, by key.</summary>
    private readonly Dictionary<string, FragmentEntryDocument[]> _fragments = new(StringComparer.Ordinal);

    [Fact]
    public async Task A_delta_chain_resolves_to_the_parent_fragments_with_its_replaced_vectors_and_added_fragments()
    {
        var v1 = await PutFullAsync(1, fragments: 10);
        var v2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(100, 4)], replaced: [Replacement(3, 2)]);
        var v3 = await PutDeltaAsync(3, v2, depth: 2, added: [Entry(101, 1, deleted: 1)], replaced: [Replacement(3, 3), Replacement(10, 1)]);

        var resolved = await TableVersionChain.ResolveAsync(_store, v3.Key!, v3);

        Assert.Equal(12, resolved.Fragments.Length);
        Assert.Equal(2, resolved.Depth);
        Assert.Equal([v2.Key!, v1.Key!], resolved.Links);
        Assert.Equal(3, resolved.Fragments[3].Deletions!.Count);
        Assert.Equal(1, resolved.Fragments[10].Deletions!.Count);
        Assert.Null(resolved.Fragments[4].Deletions);
        Assert.Equal(v3.RowCount, resolved.RowCount);

        // Cleanup keeps what a kept version stands on; repair checks each link is a table version under its key.
        var objects = TableVersionReferences.ObjectsOf(resolved).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(v1.Key!, objects);
        Assert.Contains(v2.Key!, objects);
        Assert.Equal(2, TableVersionReferences.ChecksOf(resolved).Count(static c => c.Kind == ReferencedObject.TableVersion));
        foreach (var check in TableVersionReferences.ChecksOf(resolved).Where(static c => c.Kind == ReferencedObject.TableVersion))
        {
            check.Check((await _store.GetAsync(check.Key)).Content);
        }
    }

    [Fact]
    public async Task Resolved_versions_are_remembered_so_a_second_walk_reads_only_its_own_object()
    {
        var v1 = await PutFullAsync(1, fragments: 8);
        var v2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(100, 2)], replaced: []);
        var v3 = await PutDeltaAsync(3, v2, depth: 2, added: [Entry(101, 2)], replaced: []);
        var memo = new Dictionary<string, TableVersionDocument>(StringComparer.Ordinal);
        await TableVersionChain.ResolveAsync(_store, v2.Key!, v2, memo);
        Assert.Equal(2, memo.Count);

        await _store.DeleteAsync(v1.Key!, WriteCondition.None);
        var resolved = await TableVersionChain.ResolveAsync(_store, v3.Key!, v3, memo);
        Assert.Equal(10, resolved.Fragments.Length);
        Assert.Equal([v2.Key!, v1.Key!], resolved.Links);
    }

    [Fact]
    public async Task A_missing_parent_is_a_corrupt_object_naming_the_parent()
    {
        var v1 = await PutFullAsync(1, fragments: 8);
        var v2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(100, 2)], replaced: []);
        await _store.DeleteAsync(v1.Key!, WriteCondition.None);

        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, v2.Key!, v2));
        Assert.Equal(ErrorCodes.CorruptObject, error.Code);
        Assert.Equal(v1.Key, error.Key);
        Assert.Contains("missing", error.Reason, StringComparison.Ordinal);

        // The version's own object missing is the caller's to describe (a manifest names it, or a listing found it).
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => TableVersionChain.ResolveAsync(_store, v1.Key!, v1));
    }

    [Fact]
    public async Task A_torn_link_is_a_corrupt_object_naming_the_delta()
    {
        // The delta says its parent has 9 fragments; the parent has 8.
        var v1 = await PutFullAsync(1, fragments: 8);
        var v2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(100, 2)], replaced: [], inherited: 9);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, v2.Key!, v2));
        Assert.Equal(v2.Key, error.Key);
        Assert.Contains("inherits 9 fragments", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_that_is_not_the_version_its_link_names_is_refused()
    {
        // The link names version 1 with 80 rows; the object under its key says 79 (another table's version copied over).
        var v1 = await PutFullAsync(1, fragments: 8);
        var forged = v1 with { RowCount = v1.RowCount + 1 };
        var v2 = await PutDeltaAsync(2, forged, depth: 1, added: [Entry(100, 2)], replaced: []);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, v2.Key!, v2));
        Assert.Equal(v1.Key, error.Key);
    }

    [Fact]
    public async Task Depths_that_do_not_count_down_to_the_full_version_are_refused()
    {
        var v1 = await PutFullAsync(1, fragments: 8);
        var v2 = await PutDeltaAsync(2, v1, depth: 2, added: [Entry(100, 2)], replaced: []);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, v2.Key!, v2));
        Assert.Equal(v2.Key, error.Key);

        var w2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(101, 2)], replaced: [], tx: "01JBBBBBBBBBBBBBBBBBBBBBB2");
        var w3 = await PutDeltaAsync(3, w2, depth: 3, added: [Entry(102, 2)], replaced: []);
        error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, w3.Key!, w3));
        Assert.Equal(w3.Key, error.Key);
    }

    [Fact]
    public async Task A_row_count_that_disagrees_with_the_resolved_fragments_is_refused()
    {
        var v1 = await PutFullAsync(1, fragments: 8);
        var v2 = await PutDeltaAsync(2, v1, depth: 1, added: [Entry(100, 2)], replaced: [], rows: v1.RowCount + 3);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => TableVersionChain.ResolveAsync(_store, v2.Key!, v2));
        Assert.Equal(v2.Key, error.Key);
        Assert.Contains("row_count", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_deltas_are_refused_when_read()
    {
        var parent = Ref(1, Tx(1), 80);
        TableVersionDeltaDocument Bad(Func<TableVersionDeltaDocument, TableVersionDeltaDocument> change) => change(Delta(2, parent, depth: 1, added: [Entry(100, 2)], replaced: [], inherited: 8, rows: 82));
        var cases = new[]
        {
            Bad(d => With(d, replaced: [Replacement(8, 1)])),                        // not an inherited fragment
            Bad(d => With(d, replaced: [Replacement(3, 1), Replacement(3, 1)])),     // not ascending
            Bad(d => With(d, replaced: [Replacement(-1, 1)])),
            Bad(d => With(d, depth: 0)),
            Bad(d => With(d, depth: StorageFormat.TableVersionCheckpointInterval)),
            Bad(d => With(d, inherited: -1)),
            Bad(d => With(d, parent: parent with { ChainIncarnation = "01JCCCCCCCCCCCCCCCCCCCCCCC", Key = GraphObjectKeys.TableVersion(false, 1, "01JCCCCCCCCCCCCCCCCCCCCCCC", 1, Tx(1)) })),
            Bad(d => With(d, parent: parent with { SchemaHash = new string('b', 64) })),
            Bad(d => With(d, added: [Entry(100, 2), Entry(100, 2)])),
            Bad(d => With(d, added: [Entry(100, 2, deleted: 3)])),
        };

        var key = GraphObjectKeys.TableVersion(false, 1, Incarnation, 2, Tx(2));
        var expected = Ref(2, Tx(2), 82);
        foreach (var delta in cases)
        {
            var error = Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadTableVersion(key, StoredDocuments.Serialize(delta), expected));
            Assert.Equal(key, error.Key);
        }

        var good = StoredDocuments.ReadTableVersion(key, StoredDocuments.Serialize(Bad(static d => d)), expected);
        Assert.NotNull(good.Delta);
        Assert.Equal(Tx(2), good.Tx);
    }

    [Fact]
    public void An_unknown_table_version_format_is_unsupported_not_corrupt()
    {
        var key = GraphObjectKeys.TableVersion(false, 1, Incarnation, 2, Tx(2));
        var json = System.Text.Encoding.UTF8.GetString(StoredDocuments.Serialize(Delta(2, Ref(1, Tx(1), 80), depth: 1, added: [], replaced: [], inherited: 8, rows: 80)));
        var newer = System.Text.Encoding.UTF8.GetBytes(json.Replace("\"format\":2", "\"format\":3", StringComparison.Ordinal));
        var error = Assert.Throws<OmniGraphException>(() => StoredDocuments.ReadTableVersion(key, newer, Ref(2, Tx(2), 80)));
        Assert.Equal(ErrorCodes.UnsupportedStorageFormat, error.Code);

        // A full version's document does not take a delta's members, nor the reverse.
        var mixed = System.Text.Encoding.UTF8.GetBytes(json.Replace("\"format\":2", "\"format\":1", StringComparison.Ordinal));
        Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadTableVersion(key, mixed, Ref(2, Tx(2), 80)));
    }

    [Fact]
    public void A_delta_names_only_what_it_adds_as_its_own_objects()
    {
        var delta = Delta(2, Ref(1, Tx(1), 80), depth: 1, added: [Entry(100, 2, deleted: 1)], replaced: [Replacement(3, 1)], inherited: 8, rows: 80);
        var own = TableVersionReferences.OwnObjectsOf(StoredTableVersion.Of(delta)).ToArray();
        Assert.Equal([Fragment(100), s_deletionKey], own);
    }

    private static string Tx(int n) => $"01JBBBBBBBBBBBBBBBBBBBBB{n:D2}";

    private static string FragmentId(int n) => $"01JDDDDDDDDDDDDDDDDDDDD{n:D3}";

    private static string Fragment(int n) => GraphObjectKeys.Fragment(false, 1, FragmentId(n));

    private static FragmentEntryDocument Entry(int n, int rows, int deleted = 0) => new()
    {
        Id = FragmentId(n),
        Key = Fragment(n),
        Rows = rows,
        Deletions = deleted == 0 ? null : new DeletionVectorDocument { Key = s_deletionKey, Batch = 0, Count = deleted },
    };

    private static DeletionReplacementDocument Replacement(int position, int count) =>
        new() { Fragment = position, Deletions = new DeletionVectorDocument { Key = s_deletionKey, Batch = position, Count = count } };

    private static TableVersionRef Ref(long version, string tx, long rows) =>
        new(Table, 1, "main", Incarnation, version, GraphObjectKeys.TableVersion(false, 1, Incarnation, version, tx), rows, tx, s_schema);

    private async Task<TableVersionRef> PutFullAsync(long version, int fragments)
    {
        var entries = Enumerable.Range(0, fragments).Select(static i => Entry(i, 10)).ToArray();
        var reference = Ref(version, Tx((int)version), fragments * 10);
        var document = new TableVersionDocument
        {
            Format = StorageFormat.ObjectFormat, Table = Table, TableId = 1, Branch = "main", BranchIncarnation = Incarnation, Version = version,
            Tx = reference.Tx!, SchemaHash = s_schema, Parent = StoredDocuments.ToDocument(TableVersionRef.Empty(Table, 1, "main", Incarnation, s_schema)),
            RowCount = reference.RowCount, Fragments = entries,
        };
        await _store.PutAsync(reference.Key!, StoredDocuments.Serialize(document), WriteCondition.IfNotExists);
        _fragments[reference.Key!] = entries;
        return reference;
    }

    private async Task<TableVersionRef> PutDeltaAsync(
        long version, TableVersionRef parent, int depth, FragmentEntryDocument[] added, DeletionReplacementDocument[] replaced, int? inherited = null, long? rows = null, string? tx = null)
    {
        var before = _fragments[parent.Key!];
        var after = before.Concat(added).ToArray();
        long live = parent.RowCount + added.Sum(static f => f.Rows - (f.Deletions?.Count ?? 0));
        foreach (var replacement in replaced)
        {
            live -= replacement.Deletions.Count - (before[replacement.Fragment].Deletions?.Count ?? 0);
            after[replacement.Fragment] = new FragmentEntryDocument { Id = before[replacement.Fragment].Id, Key = before[replacement.Fragment].Key, Rows = before[replacement.Fragment].Rows, Deletions = replacement.Deletions };
        }

        var count = inherited ?? before.Length;
        var delta = Delta(version, parent, depth, added, replaced, count, rows ?? live, tx);
        var reference = Ref(version, delta.Tx, delta.RowCount);
        await _store.PutAsync(reference.Key!, StoredDocuments.Serialize(delta), WriteCondition.IfNotExists);
        _fragments[reference.Key!] = after;
        return reference;
    }

    private static TableVersionDeltaDocument Delta(
        long version, TableVersionRef parent, int depth, FragmentEntryDocument[] added, DeletionReplacementDocument[] replaced, int inherited, long rows, string? tx = null) => new()
    {
        Format = StorageFormat.TableVersionDeltaFormat, Table = Table, TableId = 1, Branch = "main", BranchIncarnation = Incarnation, Version = version,
        Tx = tx ?? Tx((int)version), SchemaHash = s_schema, Parent = StoredDocuments.ToDocument(parent), RowCount = rows,
        Depth = depth, Inherited = inherited, Added = added, Replaced = replaced,
    };

    private static TableVersionDeltaDocument With(
        TableVersionDeltaDocument d, DeletionReplacementDocument[]? replaced = null, int? depth = null, int? inherited = null, TableVersionRef? parent = null, FragmentEntryDocument[]? added = null) => new()
    {
        Format = d.Format, Table = d.Table, TableId = d.TableId, Branch = d.Branch, BranchIncarnation = d.BranchIncarnation, Version = d.Version,
        Tx = d.Tx, SchemaHash = d.SchemaHash, Parent = parent is null ? d.Parent : StoredDocuments.ToDocument(parent), RowCount = d.RowCount,
        Depth = depth ?? d.Depth, Inherited = inherited ?? d.Inherited, Added = added ?? d.Added, Replaced = replaced ?? d.Replaced,
    };
}
