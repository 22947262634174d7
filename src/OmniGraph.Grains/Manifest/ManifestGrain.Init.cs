using System.Text;
using OmniGraph.Schema;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<CommitInfo> InitializeAsync(GraphInitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await LoadStampAsync();
        if (_stamp is not null || _stampError is not null)
        {
            throw EngineErrors.AlreadyInitialized(_store.Location);
        }

        // Validate first: a bad schema leaves the root untouched.
        var catalog = SchemaCatalog.Compile(request.SchemaSource);
        var hash = catalog.ContentHash;
        var incarnation = Ulid.NewUlid().ToString();
        var genesis = Ulid.NewUlid().ToString();
        var createdAt = NowMicros();

        var tables = new List<TableVersionRefDocument>();
        foreach (var type in catalog.NodeTypes.Cast<GraphElementType>().Concat(catalog.EdgeTypes))
        {
            tables.Add(StoredDocuments.ToDocument(TableVersionRef.Empty(type.TableName, (long)type.StableId, BranchNames.Main, incarnation, hash)));
        }

        tables.Sort(static (a, b) => string.CompareOrdinal(a.Table, b.Table));
        var manifest = new ManifestDocument
        {
            Format = StorageFormat.ObjectFormat,
            Branch = BranchNames.Main,
            BranchIncarnation = incarnation,
            Version = 1,
            SchemaHash = hash,
            Commit = new CommitRecordDocument { Id = genesis, Parent = null, MergedParent = null, Actor = null, CreatedAt = createdAt, Kind = CommitKinds.Init },
            Tables = [.. tables],
        };
        var pointer = new CommitPointerDocument
        {
            Format = StorageFormat.ObjectFormat,
            CommitId = genesis,
            Branch = BranchNames.Main,
            BranchIncarnation = incarnation,
            ManifestVersion = 1,
        };

        // Everything but the stamp is named by this attempt (or by content), so a racing or crashed init leaves only
        // unreferenced objects; the stamp's create-if-absent decides which init owns the root.
        await PutIfAbsentAsync(GraphObjectKeys.SchemaSource(hash), Encoding.UTF8.GetBytes(request.SchemaSource));
        await PutIfAbsentAsync(GraphObjectKeys.SchemaIr(hash), catalog.CanonicalIrUtf8);
        await ConcurrentWrites.PutAllAsync(_store,
        [
            (GraphObjectKeys.Manifest(incarnation, 1), StoredDocuments.Serialize(manifest)),
            (GraphObjectKeys.CommitPointer(genesis), StoredDocuments.Serialize(pointer)),
        ]);

        var stamp = new GraphStampDocument
        {
            Format = StorageFormat.FormatName,
            StorageVersion = StorageFormat.StorageVersion,
            CreatedAt = createdAt,
            MainBranchIncarnation = incarnation,
            GenesisCommit = genesis,
            SchemaHash = hash,
        };
        try
        {
            await _store.PutAsync(GraphObjectKeys.Stamp, StoredDocuments.Serialize(stamp), WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            await LoadStampAsync();
            throw EngineErrors.AlreadyInitialized(_store.Location);
        }

        _stamp = stamp;
        _schemas.Add(catalog);
        _schemaSources[hash] = request.SchemaSource;
        CacheManifest(manifest);
        NoteHead(manifest);
        LogInitialized(GraphId, hash, catalog.NodeTypes.Length, catalog.EdgeTypes.Length);
        return StoredDocuments.ToCommit(manifest);
    }

    /// <summary>Creates a content-addressed object; an existing one (same name, so the same content) is kept.</summary>
    private async Task PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content)
    {
        try
        {
            await _store.PutAsync(key, content, WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            // Written by an earlier or concurrent init of the same schema.
        }
    }
}
