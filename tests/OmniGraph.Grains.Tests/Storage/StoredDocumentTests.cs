using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Storage;

/// <summary>
/// Strict reading of stored JSON: every malformed document is a typed error naming its key, never a crash and never a
/// silently wrong value. The documents are the real ones the engine wrote, then damaged one way at a time.
/// </summary>
public sealed class StoredDocumentTests : IAsyncLifetime
{
    private GraphHost _host = null!;
    private GraphSnapshot _head = null!;
    private GraphSnapshot _first = null!;
    private string _manifestKey = null!;
    private string _versionKey = null!;
    private string _fullVersionKey = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphHost.InitAsync(new MemoryObjectStore());
        _first = (await _host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A", "B")))).Snapshot;
        await _host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("A")));
        _head = await _host.HeadAsync();
        _manifestKey = GraphObjectKeys.Manifest(_head.BranchIncarnation, _head.ManifestVersion);

        // The first version of the table is stored in full (format 1), the delete after it as a delta over it (format 2).
        _fullVersionKey = _first.GetTable("node:Person").Key!;
        _versionKey = _head.GetTable("node:Person").Key!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, Func<JsonNode, JsonNode?>> ManifestDamage() => new()
    {
        { "unknown member", static n => Set(n, "extra", 1) },
        { "missing member", static n => Remove(n, "schema_hash") },
        { "null member", static n => Set(n, "branch", null) },
        { "bad ulid", static n => Set(n["commit"]!, "id", "nope") },
        { "unsorted tables", static n => Reverse(n["tables"]!) },
        { "version mismatch", static n => Set(n, "version", 99) },
        { "bad table key", static n => Set(n["tables"]![0]!, "key", "elsewhere/x.json") },
        { "negative rows", static n => Set(n["tables"]![0]!, "rows", -1) },
    };

    [Theory]
    [MemberData(nameof(ManifestDamage))]
    public async Task DamagedManifest_IsACorruptObject(string damage, Func<JsonNode, JsonNode?> edit)
    {
        var document = await ReadJsonAsync(_manifestKey);
        var bytes = Encoding.UTF8.GetBytes(edit(document)!.ToJsonString());
        var error = Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadManifest(_manifestKey, bytes, _head.BranchIncarnation, _head.ManifestVersion));
        Assert.Equal(_manifestKey, error.Key);
        Assert.False(string.IsNullOrEmpty(damage));
    }

    [Fact]
    public async Task DuplicateMember_IsRefused()
    {
        var text = Encoding.UTF8.GetString((await _host.Store.GetAsync(_manifestKey)).Content.Span);
        var duplicated = "{\"format\":1," + text[1..];
        Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadManifest(_manifestKey, Encoding.UTF8.GetBytes(duplicated), _head.BranchIncarnation, _head.ManifestVersion));
    }

    [Fact]
    public async Task NewerObjectFormat_IsUnsupported_AndSaysSo()
    {
        var document = await ReadJsonAsync(_manifestKey);
        var error = ErrorAssert.Throws(ErrorCodes.UnsupportedStorageFormat, () =>
            StoredDocuments.ReadManifest(_manifestKey, Encoding.UTF8.GetBytes(Set(document, "format", 2)!.ToJsonString()), _head.BranchIncarnation, _head.ManifestVersion));
        Assert.Contains("upgrade omnigraph", error.Message);
    }

    private const string AForeignDeletionFile = "tables/node-000999/deletions/01ARZ3NDEKTSV4RRFFQ69G5FAV.arrow";

    public static TheoryData<string, Func<JsonNode, JsonNode?>> VersionDamage() => new()
    {
        { "row count", static n => Set(n, "row_count", 7) },
        { "foreign fragment key", static n => Set(n["fragments"]![0]!, "key", "tables/node-000999/fragments/01ARZ3NDEKTSV4RRFFQ69G5FAV.arrow") },
        { "deletes more than rows", static n => Set(n["fragments"]![0]!, "deletions", Vector(n, batch: 0, count: 9)) },
        { "negative deletion batch", static n => Set(n["fragments"]![0]!, "deletions", Vector(n, batch: -1, count: 1)) },
        { "parent not preceding", static n => Set(n["parent"]!, "version", 3) },
        { "repeated fragment", static n => Duplicate(n["fragments"]!) },
        { "a delta's member", static n => Set(n, "depth", 1) },
        { "links", static n => Set(n, "links", new JsonArray()) },
    };

    [Theory]
    [MemberData(nameof(VersionDamage))]
    public async Task DamagedTableVersion_IsACorruptObject(string damage, Func<JsonNode, JsonNode?> edit)
    {
        var document = await ReadJsonAsync(_fullVersionKey);
        Assert.Equal(1, (int)document["format"]!);
        var bytes = Encoding.UTF8.GetBytes(edit(document)!.ToJsonString());
        var error = Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadTableVersion(_fullVersionKey, bytes, _first.GetTable("node:Person")));
        Assert.Equal(_fullVersionKey, error.Key);
        Assert.False(string.IsNullOrEmpty(damage));
    }

    public static TheoryData<string, Func<JsonNode, JsonNode?>> DeltaDamage() => new()
    {
        { "row count", static n => Set(n, "row_count", -1) },
        { "foreign deletion file", static n => Set(n["replaced"]![0]!["deletions"]!, "key", AForeignDeletionFile) },
        { "deletes nothing", static n => Set(n["replaced"]![0]!["deletions"]!, "count", 0) },
        { "negative deletion batch", static n => Set(n["replaced"]![0]!["deletions"]!, "batch", -1) },
        { "replaces a fragment it does not inherit", static n => Set(n["replaced"]![0]!, "fragment", 1) },
        { "replaces one fragment twice", static n => Duplicate(n["replaced"]!) },
        { "parent not preceding", static n => Set(n["parent"]!, "version", 0) },
        { "no depth", static n => Set(n, "depth", 0) },
        { "deeper than a checkpoint allows", static n => Set(n, "depth", StorageFormat.TableVersionCheckpointInterval) },
        { "negative inherited", static n => Set(n, "inherited", -1) },
        { "missing added", static n => Remove(n, "added") },
        { "a full version's member", static n => Set(n, "fragments", new JsonArray()) },
        { "null replaced", static n => Set(n, "replaced", null) },
    };

    [Theory]
    [MemberData(nameof(DeltaDamage))]
    public async Task DamagedDeltaTableVersion_IsACorruptObject(string damage, Func<JsonNode, JsonNode?> edit)
    {
        var document = await ReadJsonAsync(_versionKey);
        Assert.Equal(StorageFormat.TableVersionDeltaFormat, (int)document["format"]!);
        var bytes = Encoding.UTF8.GetBytes(edit(document)!.ToJsonString());
        var error = Assert.Throws<CorruptObjectException>(() => StoredDocuments.ReadTableVersion(_versionKey, bytes, _head.GetTable("node:Person")));
        Assert.Equal(_versionKey, error.Key);
        Assert.False(string.IsNullOrEmpty(damage));
    }

    /// <summary>A delta that does not fit the version its parent link names is refused on load, naming the delta.</summary>
    [Fact]
    public async Task ADeltaThatDoesNotFitItsParent_IsACorruptObject_WhenAFreshGrainLoadsIt()
    {
        var original = (await _host.Store.GetAsync(_versionKey)).Content.ToArray();
        var document = await ReadJsonAsync(_versionKey);
        await _host.Store.PutAsync(_versionKey, Encoding.UTF8.GetBytes(Set(document, "inherited", 2)!.ToJsonString()), WriteCondition.None);
        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        var error = await ErrorAssert.ThrowsAsync<CorruptObjectException>(ErrorCodes.CorruptObject, () => _host.Table("node:Person").ScanAsync(_head.GetTable("node:Person"), []));
        Assert.Equal(_versionKey, error.Key);
        Assert.Contains("inherits 2 fragments", error.Message);

        await _host.Store.PutAsync(_versionKey, original, WriteCondition.None);
        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        Assert.Equal(["B"], await _host.ColumnAsync("node:Person", "id"));
    }

    /// <summary>A delta whose parent is gone cannot be served: the error names the missing parent.</summary>
    [Fact]
    public async Task ADeltaWhoseParentIsMissing_IsACorruptObject_NamingTheParent()
    {
        var parent = (await _host.Store.GetAsync(_fullVersionKey)).Content.ToArray();
        await _host.Store.DeleteAsync(_fullVersionKey, WriteCondition.None);
        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        var error = await ErrorAssert.ThrowsAsync<CorruptObjectException>(ErrorCodes.CorruptObject, () => _host.Table("node:Person").ScanAsync(_head.GetTable("node:Person"), []));
        Assert.Equal(_fullVersionKey, error.Key);
        Assert.Contains("missing", error.Message);

        await _host.Store.PutAsync(_fullVersionKey, parent, WriteCondition.IfNotExists);
        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        Assert.Equal(["B"], await _host.ColumnAsync("node:Person", "id"));
    }

    /// <summary>A damaged fragment or deletion vector surfaces on read as a corrupt object naming it (checksums catch every flipped byte).</summary>
    [Fact]
    public async Task DamagedDataFiles_AreCorruptObjects_WhenAFreshGrainLoadsThem()
    {
        var fragmentKey = (string)(await ReadJsonAsync(_fullVersionKey))["fragments"]![0]!["key"]!;
        var vectorKey = (string)(await ReadJsonAsync(_versionKey))["replaced"]![0]!["deletions"]!["key"]!;
        foreach (var key in new[] { vectorKey, fragmentKey })
        {
            var original = (await _host.Store.GetAsync(key)).Content.ToArray();
            var damaged = (byte[])original.Clone();
            damaged[damaged.Length / 2] ^= 0x5A;
            await _host.Store.PutAsync(key, damaged, WriteCondition.None);
            await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));

            var error = await Assert.ThrowsAsync<CorruptObjectException>(() => _host.Table("node:Person").ScanAsync(_head.GetTable("node:Person"), []));
            Assert.Equal(key, error.Key);
            await _host.Store.PutAsync(key, original, WriteCondition.None);
        }

        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        Assert.Equal(["B"], await _host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task MissingReferencedObject_IsACorruptObject()
    {
        var fragmentKey = (string)(await ReadJsonAsync(_fullVersionKey))["fragments"]![0]!["key"]!;
        await _host.Store.DeleteAsync(fragmentKey, WriteCondition.None);
        await _host.Cluster.DeactivateAsync(_host.Table("node:Person"));
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => _host.Table("node:Person").ScanAsync(_head.GetTable("node:Person"), []));
        Assert.Equal(fragmentKey, error.Key);
        Assert.Contains("missing", error.Message);
    }

    /// <summary>A write whose replaced rows are spread over many fragments writes one deletion file for all of them.</summary>
    [Fact]
    public async Task AWriteTouchingManyFragments_WritesOneDeletionFile()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 2);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("a", "b", "c", "d", "e", "f")));
        var result = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("a", "c", "e")));
        var version = JsonNode.Parse((await host.Store.GetAsync(result.Snapshot.GetTable("node:Person").Key!)).Content.Span)!;
        var deletionKeys = version["replaced"]!.AsArray().Select(static f => (string?)f!["deletions"]?["key"]).Where(static k => k is not null).ToArray();
        Assert.Equal(3, deletionKeys.Length);
        Assert.Single(deletionKeys.Distinct());
        await host.Cluster.DeactivateAsync(host.Table("node:Person"));
        Assert.Equal(["b", "d", "f", "a", "c", "e"], await host.ColumnAsync("node:Person", "id"));
    }

    /// <summary>A deletion vector in a deletion file of the version's own table (the damages that use one are about its batch or count).</summary>
    private static JsonObject Vector(JsonNode version, int batch, int count) => new()
    {
        ["key"] = GraphObjectKeys.DeletionVector(false, (long)version["table_id"]!, "01ARZ3NDEKTSV4RRFFQ69G5FAV"),
        ["batch"] = batch,
        ["count"] = count,
    };

    private async Task<JsonNode> ReadJsonAsync(string key) => JsonNode.Parse((await _host.Store.GetAsync(key)).Content.Span)!;

    private static JsonNode Set(JsonNode node, string name, JsonNode? value)
    {
        node[name] = value;
        return node.Root;
    }

    private static JsonNode Remove(JsonNode node, string name)
    {
        node.AsObject().Remove(name);
        return node.Root;
    }

    private static JsonNode Reverse(JsonNode array)
    {
        var items = array.AsArray().Select(static i => i!.DeepClone()).Reverse().ToArray();
        array.AsArray().Clear();
        foreach (var item in items)
        {
            array.AsArray().Add(item);
        }

        return array.Root;
    }

    private static JsonNode Duplicate(JsonNode array)
    {
        array.AsArray().Add(array[0]!.DeepClone());
        return array.Root;
    }
}
