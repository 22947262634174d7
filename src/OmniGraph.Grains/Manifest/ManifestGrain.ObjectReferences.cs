namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Which table versions the retained history names, and which manifest versions need each: the roots of every question
/// "is this table object still needed?" that recovery status (unreferenced objects) and repair (missing, orphaned,
/// corrupt objects) ask. What a table version itself names is <see cref="TableVersionReferences"/>'s alone.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>
    /// Every table version a retained manifest version of a branch names (each chain read from its floor to its head,
    /// and any version found beyond a hole), with the manifest versions naming it; with <paramref name="includeSidecars"/>
    /// also the expected and staged versions of every pending recovery sidecar (needed by no manifest yet).
    /// </summary>
    private async Task<Dictionary<string, RetainedTableVersion>> CollectRetainedTableVersionsAsync(List<BranchSurvey> surveys, bool includeSidecars)
    {
        var versions = new Dictionary<string, RetainedTableVersion>(StringComparer.Ordinal);
        foreach (var survey in surveys)
        {
            var floor = Math.Max(survey.Branch.ForkedFrom?.ManifestVersion ?? 0, KeepFromOf(survey.Branch.Incarnation) - 1);
            for (var version = floor + 1; version <= Math.Max(survey.HeadVersion, survey.LaterVersions.LastOrDefault()); version++)
            {
                try
                {
                    if (await TryReadManifestAsync(survey.Branch.Incarnation, version) is { } manifest)
                    {
                        var needer = new ManifestNeed(survey.Branch.Name, version, manifest.Commit.Id, version == survey.HeadVersion);
                        AddRetained(versions, StoredDocuments.NamedTableVersions(manifest), needer);
                    }
                }
                catch (CorruptObjectException)
                {
                    // Reported by the branch survey.
                }
            }

            if (survey.HeadManifest is { } head)
            {
                AddRetained(versions, StoredDocuments.NamedTableVersions(head), new ManifestNeed(survey.Branch.Name, survey.HeadVersion, head.Commit.Id, Head: true));
            }
        }

        if (!includeSidecars)
        {
            return versions;
        }

        foreach (var key in _sidecarBases.Keys)
        {
            try
            {
                var sidecar = StoredDocuments.ReadSidecar(key, (await _store.GetAsync(key)).Content.Span);
                var tables = sidecar.Tables.Concat((sidecar.Predecessors ?? []).SelectMany(static p => p.Tables));
                AddRetained(versions, tables.SelectMany(static t => new[] { StoredDocuments.ToRef(t.Expected), StoredDocuments.ToRef(t.Staged) }), needer: null);
            }
            catch (Exception exception) when (exception is RecoveryRequiredException or ObjectNotFoundException or CorruptObjectException)
            {
                // Gone since, or refused (and reported).
            }
        }

        return versions;
    }

    /// <summary>
    /// Table objects that nothing names: not a manifest version of any branch, not a pending sidecar. Left by writes
    /// that never published (or by a write in progress right now); <c>omnigraph repair</c> deletes the verified ones.
    /// </summary>
    private async Task<List<string>> FindUnreferencedObjectsAsync(List<BranchSurvey> surveys)
    {
        var versions = await CollectRetainedTableVersionsAsync(surveys, includeSidecars: true);
        var referenced = new HashSet<string>(versions.Keys, StringComparer.Ordinal);
        var resolved = new Dictionary<string, TableVersionDocument>(StringComparer.Ordinal);
        foreach (var (key, retained) in versions)
        {
            try
            {
                var document = await TableVersionChain.ResolveAsync(_store, key, retained.Reference, resolved);
                TableVersionReferences.AddObjectsOf(document, referenced);
            }
            catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
            {
                // A version a manifest names that cannot be read is reported by the branch survey (figures).
            }
        }

        return [.. (await ListKeysAsync(GraphObjectKeys.TablesPrefix)).Where(key => !referenced.Contains(key))];
    }

    private static void AddRetained(Dictionary<string, RetainedTableVersion> versions, IEnumerable<TableVersionRef> references, ManifestNeed? needer)
    {
        foreach (var reference in references)
        {
            if (reference.Key is not { } key)
            {
                continue;
            }

            if (!versions.TryGetValue(key, out var retained))
            {
                versions[key] = retained = new RetainedTableVersion(reference);
            }

            if (needer is not null && !retained.NeededBy.Contains(needer))
            {
                retained.NeededBy.Add(needer);
            }
        }
    }

    /// <summary>A retained table version and the manifest versions that name it.</summary>
    private sealed class RetainedTableVersion(TableVersionRef reference)
    {
        public TableVersionRef Reference { get; } = reference;

        public HashSet<ManifestNeed> NeededBy { get; } = [];
    }

    /// <summary>One manifest version that names a table version.</summary>
    private sealed record ManifestNeed(string Branch, long Version, string CommitId, bool Head);
}
