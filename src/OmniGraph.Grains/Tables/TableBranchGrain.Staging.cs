using System.Globalization;
using OmniGraph.Arrow;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Values;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<ImmutableArray<StagedFragment>> StageFragmentAsync(string tx, RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        RequireTx(tx);
        var tableId = TableIdOf(batch);
        var fragments = Split(batch, tableId);
        var staging = StagingOf(tx);

        // Off the grain's thread, both at once: the encoding and durable write of the files, and their digests (id hashes,
        // distinct endpoints). The rows are not kept: the digest is all the commit needs of them.
        var write = Task.Run(
            async () =>
            {
                var files = new PooledBytes[fragments.Length];
                var writes = new (string Key, ReadOnlyMemory<byte> Content)[fragments.Length];
                for (var i = 0; i < fragments.Length; i++)
                {
                    files[i] = FragmentFiles.WritePooled(fragments[i].Batch);
                    writes[i] = (fragments[i].Key, files[i].WrittenMemory);
                }

                await ConcurrentWrites.PutAllAsync(_store, writes, cancellationToken);

                // Every put completed, so no store still reads the bytes: the arrays go back to the pool for the next
                // fragment. (After a failure they are left to the collector: a put cut short may still be reading.)
                foreach (var file in files)
                {
                    file.Dispose();
                }
            },
            cancellationToken);
        var digests = Task.Run(() => DigestStaged(fragments, staging), cancellationToken);
        await Task.WhenAll(write, digests);
        var staged = ImmutableArray.CreateBuilder<StagedFragment>(fragments.Length);
        for (var i = 0; i < fragments.Length; i++)
        {
            var digest = digests.Result[i];
            staging.Keep(digest, fragments[i]);
            staged.Add(new StagedFragment(digest.Fragment.Id, digest.Fragment.Key, digest.Fragment.Rows));
        }

        return staged.MoveToImmutable();
    }

    /// <inheritdoc />
    public async Task<StagedTableVersion> PrepareVersionAsync(string tx, TableVersionRef baseVersion, TableDelta delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseVersion);
        ArgumentNullException.ThrowIfNull(delta);
        cancellationToken.ThrowIfCancellationRequested();
        RequireTx(tx);
        if (!string.Equals(delta.Branch, _branch, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidWrite(_table, $"this grain writes branch '{_branch}', the delta is for '{delta.Branch}'");
        }

        if (!StoredDocuments.IsUlid(delta.BranchIncarnation))
        {
            throw EngineErrors.InvalidWrite(_table, $"branch incarnation '{delta.BranchIncarnation}' is not a ULID");
        }

        if (delta.Mode == TableWriteMode.Overwrite && delta.DeleteIds is { Count: > 0 })
        {
            throw EngineErrors.InvalidWrite(_table, "an overwrite replaces the table; it takes no ids to delete");
        }

        var layout = await LayoutAsync(delta.SchemaHash);
        var tableId = (long)layout.Type.StableId;
        if (baseVersion.TableId != tableId)
        {
            throw EngineErrors.InvalidWrite(_table, $"the base version is table id {baseVersion.TableId}, the schema says {tableId}");
        }

        var baseView = await GetViewAsync(baseVersion, cancellationToken);
        if (delta.Mode != TableWriteMode.Overwrite && !FragmentFiles.SameLayout(baseView.Layout.Schema, layout.Schema, out var difference))
        {
            throw EngineErrors.InvalidWrite(_table, $"the table's layout changed since its base version ({difference}); only an overwrite can change it");
        }

        var writes = new List<(string Key, ReadOnlyMemory<byte> Content)>();
        var written = await CollectWrittenFragmentsAsync(tx, delta, layout, tableId, writes);
        cancellationToken.ThrowIfCancellationRequested();
        VersionStager.Plan plan;
        var stagedBy = delta.Mode == TableWriteMode.Overwrite ? StagingCovering(delta) : null;
        if (stagedBy is not null)
        {
            // Every check this table can make alone runs before anything is written, over the staged digests.
            plan = await PlanStagedOverwriteAsync(layout, baseView, written, stagedBy, cancellationToken);
        }
        else
        {
            await VersionLoader.MakeResidentAsync(_store, written, layout, cancellationToken: cancellationToken);
            plan = VersionStager.Build(_table, baseView, written, delta.Mode, delta.DeleteIds, id => RepeatedId(layout, id));

            // Every check this table can make alone runs before anything is written.
            CheckUnique(layout, baseView, plan);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var version = baseVersion.Version + 1;
        var versionKey = GraphObjectKeys.TableVersion(IsEdge, tableId, delta.BranchIncarnation, version, tx);
        var (document, vectors, rows, depth) = DescribeVersion(tx, baseVersion, baseView, delta, tableId, version, plan, writes);
        writes.Add((versionKey, document));

        // Fragments, deletion vectors and the version object are written now but flushed by the commit, together with
        // its recovery sidecar (one round of flushes instead of one here and one there). They stay invisible until a
        // manifest names them, so a cancellation or a crash part way leaves only unreferenced objects.
        var unflushed = ImmutableArray.CreateBuilder<string>(writes.Count);
        foreach (var (key, content) in writes)
        {
            await _store.PutUnflushedAsync(key, content, cancellationToken);
            unflushed.Add(key);
        }

        var staged = new TableVersionRef(_table, tableId, _branch, delta.BranchIncarnation, version, versionKey, rows, tx, delta.SchemaHash);
        var view = new TableVersionView(staged, layout, delta.SchemaHash, plan.Fragments, plan.Masks, vectors) { ChainDepth = depth };
        if (plan.ExtendsBase && string.Equals(baseView.SchemaHash, delta.SchemaHash, StringComparison.Ordinal))
        {
            view.InheritIndexes(baseView, plan.Removed, plan.Added);
            _searchIndexes.Inherit(baseView, view);
        }

        StagingOf(tx).Prepared = view;
        _versions.Add(versionKey, view, pinned: true);
        _sharedFragments.Share(_graphId, view.Fragments);
        LogStaged(_graphId, _table, version, tx, plan.Inserted, plan.Replaced, plan.Deleted, rows);
        return WithEdgeFacts(new StagedTableVersion(staged, baseVersion, plan.Inserted, plan.Replaced, plan.Deleted)
        {
            RemovedIds = new KeyBatch(plan.RemovedIds.ToColumn()),
            Unflushed = unflushed.MoveToImmutable(),
        }, baseView, plan, stagedBy);
    }

    /// <summary>
    /// The stored form of the version a plan describes, its deletion vectors (the new deletion file joins
    /// <paramref name="writes"/>) and live rows. A version that extends its parent on the same chain is written as a delta
    /// (the fragments it appends, the vectors it replaces: O(the write)), except every
    /// <see cref="StorageFormat.TableVersionCheckpointInterval"/>th link, which is written in full.
    /// </summary>
    private (byte[] Document, DeletionVectorDocument?[] Vectors, long Rows, int Depth) DescribeVersion(
        string tx, TableVersionRef baseVersion, TableVersionView baseView, TableDelta delta, long tableId, long version, VersionStager.Plan plan, List<(string Key, ReadOnlyMemory<byte> Content)> writes)
    {
        var inherited = plan.ExtendsBase ? baseView.Fragments.Length : 0;
        var asDelta = plan.ExtendsBase
            && baseVersion.Key is not null
            && string.Equals(baseVersion.ChainIncarnation, delta.BranchIncarnation, StringComparison.Ordinal)
            && string.Equals(baseView.SchemaHash, delta.SchemaHash, StringComparison.Ordinal)
            && baseView.ChainDepth + 1 < StorageFormat.TableVersionCheckpointInterval;
        var vectors = new DeletionVectorDocument?[plan.Fragments.Length];
        var changedVectors = new List<uint[]>();
        var replaced = new List<DeletionReplacementDocument>();
        var deletionKey = GraphObjectKeys.DeletionVector(IsEdge, tableId, Ulid.NewUlid().ToString());
        long rows = baseView.RowCount;
        if (!plan.ExtendsBase)
        {
            rows = 0;
        }

        for (var i = 0; i < plan.Fragments.Length; i++)
        {
            var isInherited = i < inherited;
            var mask = plan.Masks[i];
            if (plan.MaskChanged[i])
            {
                vectors[i] = new DeletionVectorDocument { Key = deletionKey, Batch = changedVectors.Count, Count = mask.Count };
                changedVectors.Add(mask.ToRows());
                if (isInherited)
                {
                    // The base counted this fragment's rows less its old vector.
                    rows -= mask.Count - baseView.Masks[i].Count;
                    replaced.Add(new DeletionReplacementDocument { Fragment = i, Deletions = vectors[i]! });
                }
            }
            else if (isInherited)
            {
                vectors[i] = baseView.DeletionVectors[i];
            }

            if (!isInherited)
            {
                rows += plan.Fragments[i].Rows - mask.Count;
            }
        }

        if (changedVectors.Count > 0)
        {
            // One deletion file for every fragment this version touched.
            writes.Add((deletionKey, DeletionVectorFiles.Write(changedVectors)));
        }

        // A delta lists the fragments from its parent's count on, a full version all of them: one entry each.
        FragmentEntryDocument[] Entries(int from)
        {
            var entries = new FragmentEntryDocument[plan.Fragments.Length - from];
            for (var i = 0; i < entries.Length; i++)
            {
                var fragment = plan.Fragments[from + i];
                entries[i] = new FragmentEntryDocument { Id = fragment.Id, Key = fragment.Key, Rows = fragment.Rows, Deletions = vectors[from + i] };
            }

            return entries;
        }

        var parent = StoredDocuments.ToDocument(baseVersion);
        if (asDelta)
        {
            var depth = baseView.ChainDepth + 1;
            return (StoredDocuments.Serialize(new TableVersionDeltaDocument
            {
                Format = StorageFormat.TableVersionDeltaFormat,
                Table = _table,
                TableId = tableId,
                Branch = _branch,
                BranchIncarnation = delta.BranchIncarnation,
                Version = version,
                Tx = tx,
                SchemaHash = delta.SchemaHash,
                Parent = parent,
                RowCount = rows,
                Depth = depth,
                Inherited = inherited,
                Added = Entries(inherited),
                Replaced = [.. replaced],
            }), vectors, rows, depth);
        }

        return (StoredDocuments.Serialize(new TableVersionDocument
        {
            Format = StorageFormat.ObjectFormat,
            Table = _table,
            TableId = tableId,
            Branch = _branch,
            BranchIncarnation = delta.BranchIncarnation,
            Version = version,
            Tx = tx,
            SchemaHash = delta.SchemaHash,
            Parent = parent,
            RowCount = rows,
            Fragments = Entries(0),
        }), vectors, rows, 0);
    }

    /// <summary>The error for an id repeated within an insert or overwrite: a <c>@key</c> unique violation for keyed node types, else a key conflict.</summary>
    private Exception RepeatedId(TableLayout layout, string id) =>
        layout.Type is NodeType { Key: { } key } node
            ? EngineErrors.WriteUniqueViolation(node.Name, key.IsComposite ? $"({string.Join(", ", key.PropertyNames)})" : key.PropertyNames[0], id, id, id)
            : EngineErrors.WriteKeyConflict(_table, id);

    /// <summary>
    /// <c>@unique</c> constraints over the rows the write adds: no two of them, and none of them and a base row that stays
    /// live, may hold the same tuple (a row replaced or deleted by the write frees its value).
    /// </summary>
    private static void CheckUnique(TableLayout layout, TableVersionView baseView, VersionStager.Plan plan)
    {
        var constraints = layout.Type.UniqueConstraints;
        if (constraints.IsEmpty || plan.Added.Length == 0)
        {
            return;
        }

        var removed = plan.ExtendsBase ? new HashSet<long>(plan.Removed) : null;
        var scratch = new ByteScratch();
        for (var ordinal = 0; ordinal < constraints.Length; ordinal++)
        {
            var function = baseView.UniqueFunction(ordinal);
            var committed = plan.ExtendsBase ? baseView.Unique(ordinal) : null;
            var within = new AddressHashTable(plan.Added.Length);
            var reader = new TupleReader(plan.Fragments, function, new ByteScratch());
            foreach (var address in plan.Added)
            {
                var fragment = plan.Fragments[(int)(address >> 32)];
                var row = (int)(uint)address;
                if (!function.TryGetKey(fragment, row, scratch, out var key))
                {
                    continue;
                }

                var hash = KeyHashing.Hash(key);
                var earlier = within.Find(key, hash, ref reader);
                if (earlier != AddressHashTable.NotFound)
                {
                    throw UniqueViolation(layout, constraints[ordinal], function, fragment, row, IdAt(plan.Fragments, earlier));
                }

                within.AddNew(hash, address);
                var holder = committed?.Find(key, hash) ?? AddressHashTable.NotFound;
                if (holder != AddressHashTable.NotFound && !removed!.Contains(holder))
                {
                    throw UniqueViolation(layout, constraints[ordinal], function, fragment, row, IdAt(plan.Fragments, holder));
                }
            }
        }
    }

    private static OmniGraphException UniqueViolation(TableLayout layout, UniqueConstraint constraint, TupleKeyFunction function, FragmentData fragment, int row, string firstHolder) =>
        EngineErrors.WriteUniqueViolation(layout.Type.Name, constraint.ColumnDisplay, CellText.FormatTuple(fragment.Batch, function.ColumnIndexes, row), firstHolder, fragment.Ids.GetString(row));

    private static string IdAt(FragmentData[] fragments, long address) => fragments[(int)(address >> 32)].Ids.GetString((int)(uint)address);

    /// <summary>Adds what the cross-table checks need from an edge write: endpoints added, sources vacated.</summary>
    /// <remarks>An overwrite planned from staged digests (<paramref name="stagedBy"/>) takes its endpoints from them.</remarks>
    private StagedTableVersion WithEdgeFacts(StagedTableVersion staged, TableVersionView baseView, VersionStager.Plan plan, TransactionStaging? stagedBy)
    {
        if (!IsEdge)
        {
            return staged;
        }

        var sources = stagedBy?.Sources ?? new DistinctKeyCollector();
        var targets = stagedBy?.Targets ?? new DistinctKeyCollector();
        foreach (var address in plan.Added)
        {
            var fragment = plan.Fragments[(int)(address >> 32)];
            sources.Add(fragment.Sources!.GetBytes((int)(uint)address));
            targets.Add(fragment.Targets!.GetBytes((int)(uint)address));
        }

        var vacated = new DistinctKeyCollector();
        if (plan.ExtendsBase)
        {
            foreach (var address in plan.Removed)
            {
                vacated.Add(plan.Fragments[(int)(address >> 32)].Sources!.GetBytes((int)(uint)address));
            }
        }
        else
        {
            for (var f = 0; f < baseView.Fragments.Length; f++)
            {
                var fragment = baseView.Fragments[f];
                for (var row = 0; row < fragment.Rows; row++)
                {
                    if (!baseView.Masks[f].IsDeleted(row))
                    {
                        vacated.Add(fragment.Sources!.GetBytes(row));
                    }
                }
            }
        }

        return staged with
        {
            AddedSources = new KeyBatch(sources.ToColumn()),
            AddedTargets = new KeyBatch(targets.ToColumn()),
            RemovedSources = new KeyBatch(vacated.ToColumn()),
        };
    }

    /// <summary>Reads stored tuples for the within-write duplicate check.</summary>
    private readonly struct TupleReader(FragmentData[] fragments, TupleKeyFunction function, ByteScratch scratch) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value) =>
            function.TryGetKey(fragments[(int)(value >> 32)], (int)(uint)value, scratch, out var key) ? key : default;
    }

    /// <inheritdoc />
    public Task AbortAsync(string tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Forget(tx);
        return Task.CompletedTask;
    }

    /// <summary>The write's new fragments in order: staged ones (from memory when possible), then inline batches to write now.</summary>
    private async Task<List<FragmentData>> CollectWrittenFragmentsAsync(
        string tx,
        TableDelta delta,
        TableLayout layout,
        long tableId,
        List<(string Key, ReadOnlyMemory<byte> Content)> writes)
    {
        var written = new List<FragmentData>();
        if (!delta.Fragments.IsDefault)
        {
            foreach (var staged in delta.Fragments)
            {
                if (!GraphObjectKeys.IsFragmentOf(staged.Key, IsEdge, tableId) || !staged.Key.Contains(staged.Id, StringComparison.Ordinal))
                {
                    throw EngineErrors.InvalidWrite(_table, $"'{staged.Key}' is not a fragment of this table");
                }

                var digest = FindStagedFragment(staged.Key);
                var fragment = digest?.Fragment ?? _versions.FindFragment(staged.Key);
                if (fragment is null || (digest is null && !fragment.IsResident))
                {
                    // Staged before this activation (the grain was collected meanwhile): read it back.
                    StoredObject file;
                    try
                    {
                        file = await _store.GetAsync(staged.Key);
                    }
                    catch (ObjectNotFoundException)
                    {
                        throw EngineErrors.InvalidWrite(_table, $"staged fragment '{staged.Key}' does not exist");
                    }

                    fragment = new FragmentData(staged.Id, staged.Key, FragmentFiles.Read(staged.Key, file.Content, layout.Schema, staged.Rows), IsEdge);
                }

                if (!FragmentFiles.SameLayout(digest?.Schema ?? fragment.Batch.Schema, layout.Schema, out var difference))
                {
                    throw EngineErrors.InvalidWrite(_table, $"staged fragment '{staged.Key}' does not have the table's columns: {difference}");
                }

                if (fragment.Rows != staged.Rows)
                {
                    throw EngineErrors.InvalidWrite(_table, $"staged fragment '{staged.Key}' has {fragment.Rows} rows, not {staged.Rows}");
                }

                written.Add(fragment);
            }
        }

        if (!delta.Batches.IsDefault)
        {
            foreach (var batch in delta.Batches)
            {
                if (!FragmentFiles.SameLayout(batch.Schema, layout.Schema, out var difference))
                {
                    throw EngineErrors.InvalidWrite(_table, $"the batch does not have the table's columns: {difference}");
                }

                foreach (var fragment in Split(batch, tableId))
                {
                    writes.Add((fragment.Key, FragmentFiles.Write(fragment.Batch)));
                    written.Add(fragment);
                }
            }
        }

        return written;
    }

    /// <summary>A batch as fragments of at most <see cref="Hosting.OmniGraphOptions.MaxFragmentRows"/> rows (zero-copy slices).</summary>
    private FragmentData[] Split(RecordBatch batch, long tableId)
    {
        var max = _options.MaxFragmentRows;
        if (batch.Length == 0)
        {
            return [];
        }

        var count = (batch.Length + max - 1) / max;
        var fragments = new FragmentData[count];
        for (var i = 0; i < count; i++)
        {
            var start = i * max;
            var slice = count == 1 ? batch : batch.Slice(start, Math.Min(max, batch.Length - start));
            var id = Ulid.NewUlid().ToString();
            fragments[i] = new FragmentData(id, GraphObjectKeys.Fragment(IsEdge, tableId, id), slice, IsEdge);
        }

        return fragments;
    }

    /// <summary>The table id a batch laid out by <see cref="TableLayout"/> carries, checked against this grain's table.</summary>
    private long TableIdOf(RecordBatch batch)
    {
        var metadata = batch.Schema.Metadata;
        if (!metadata.TryGetValue(TableLayout.TableMetadataKey, out var table) || !string.Equals(table, _table, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidWrite(_table, "the batch is not laid out for this table (its schema metadata names another table or none)");
        }

        if (!metadata.TryGetValue(TableLayout.TableIdMetadataKey, out var id) || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tableId) || tableId <= 0)
        {
            throw EngineErrors.InvalidWrite(_table, "the batch's schema metadata carries no table id");
        }

        if (batch.Schema.FieldCount == 0 || batch.Schema.Fields[0].Name != TableLayout.IdColumnName || !batch.Schema.Fields[0].Type.Equals(ArrowType.Utf8))
        {
            throw EngineErrors.InvalidWrite(_table, "the batch's first column is not the id column");
        }

        return tableId;
    }

    /// <summary>A fragment staged by any write in progress (a load stages under its session's id, then commits under an attempt's).</summary>
    private StagedFragmentDigest? FindStagedFragment(string key)
    {
        foreach (var staging in _staging.Values)
        {
            if (staging.Fragments.TryGetValue(key, out var digest))
            {
                return digest;
            }
        }

        return null;
    }

    private TransactionStaging StagingOf(string tx)
    {
        if (!_staging.TryGetValue(tx, out var staging))
        {
            staging = new TransactionStaging();
            _staging[tx] = staging;
            while (_staging.Count > _options.MaxStagedTransactions)
            {
                var oldest = _staging.Keys.First();
                LogStagingEvicted(_graphId, _table, _branch, oldest);
                Forget(oldest);
            }
        }

        return staging;
    }

    /// <summary>Drops a write's staging state; its prepared version leaves memory unless it became the head.</summary>
    private void Forget(string tx)
    {
        if (_staging.Remove(tx, out var staging) && staging.Prepared is { Ref.Key: { } key } && !string.Equals(key, _headKey, StringComparison.Ordinal))
        {
            _versions.Unpin(key, drop: true);
        }
    }

    private void RequireTx(string tx)
    {
        if (!StoredDocuments.IsUlid(tx))
        {
            throw EngineErrors.InvalidWrite(_table, $"transaction id '{tx}' is not a ULID");
        }
    }
}
