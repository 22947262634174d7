using System.Collections.Immutable;
using OmniGraph.Engine;
using Orleans.Storage;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<ImmutableArray<BranchInfo>> ListBranchesAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await RequireStampAsync();
        var branches = ImmutableArray.CreateBuilder<BranchInfo>();
        branches.Add(MainBranch(stamp));
        await _stateLock.WaitAsync();
        try
        {
            foreach (var record in _state.State.Branches.OrderBy(static b => b.Name, StringComparer.Ordinal))
            {
                branches.Add(ToInfo(record));
            }
        }
        finally
        {
            _stateLock.Release();
        }

        return branches.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<BranchInfo> ForkBranchAsync(string name, string fromBranch)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        if (FindBranchNameViolation(name) is { } problem)
        {
            throw EngineErrors.InvalidWrite("graph", $"invalid branch name '{name}': {problem}");
        }

        var source = await GetBranchAsync(fromBranch);
        var head = await ResolveHeadAsync(source);
        var record = new BranchRecord
        {
            Name = name,
            Incarnation = Ulid.NewUlid().ToString(),
            CreatedAt = NowMicros(),
            ForkedFrom = new ForkPointRecord
            {
                Branch = source.Name,
                Incarnation = source.Incarnation,
                ManifestVersion = head.ManifestVersion,
                CommitId = head.Commit.Id,
            },
        };

        await _stateLock.WaitAsync();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (_state.State.Branches.Exists(b => string.Equals(b.Name, name, StringComparison.Ordinal)))
                {
                    throw EngineErrors.InvalidWrite("graph", $"branch '{name}' already exists");
                }

                _state.State.Branches.Add(record);
                try
                {
                    await _state.WriteStateAsync();
                    break;
                }
                catch (InconsistentStateException) when (attempt == 0)
                {
                    // Another process changed the registry: look again with its version.
                    await _state.ReadStateAsync();
                }
                catch
                {
                    _state.State.Branches.Remove(record);
                    throw;
                }
            }
        }
        finally
        {
            _stateLock.Release();
        }

        LogBranchForked(GraphId, name, fromBranch, head.ManifestVersion);
        return ToInfo(record);
    }

    /// <summary>A branch by name; the registry is re-read once when the name is unknown (another process may have created it).</summary>
    private async ValueTask<BranchInfo> GetBranchAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stamp = await RequireStampAsync();
        if (string.Equals(name, BranchNames.Main, StringComparison.Ordinal))
        {
            return MainBranch(stamp);
        }

        await _stateLock.WaitAsync();
        try
        {
            var record = _state.State.Branches.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal));
            if (record is null)
            {
                await _state.ReadStateAsync();
                record = _state.State.Branches.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal));
            }

            return record is null ? throw EngineErrors.BranchNotFound(name) : ToInfo(record);
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>The branch that owns an incarnation (for walking a fork's inherited history), or <c>null</c>.</summary>
    private async ValueTask<BranchInfo?> FindBranchByIncarnationAsync(string incarnation)
    {
        var stamp = await RequireStampAsync();
        if (string.Equals(incarnation, stamp.MainBranchIncarnation, StringComparison.Ordinal))
        {
            return MainBranch(stamp);
        }

        await _stateLock.WaitAsync();
        try
        {
            var record = _state.State.Branches.Find(b => string.Equals(b.Incarnation, incarnation, StringComparison.Ordinal));
            return record is null ? null : ToInfo(record);
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>Persists head hints that lag the known heads by <see cref="Hosting.OmniGraphOptions.HeadHintInterval"/> (or any, when forced).</summary>
    private async Task PersistHeadHintsAsync(bool force)
    {
        var stale = new List<(string Incarnation, long Version)>();
        foreach (var (incarnation, manifest) in _heads)
        {
            var persisted = _persistedHints.GetValueOrDefault(incarnation);
            if (manifest.Version > persisted && (force || manifest.Version - persisted >= _options.HeadHintInterval))
            {
                stale.Add((incarnation, manifest.Version));
            }
        }

        if (stale.Count == 0)
        {
            return;
        }

        var mainSchema = _stamp is { } stamp && _heads.TryGetValue(stamp.MainBranchIncarnation, out var mainHead) ? mainHead.SchemaHash : null;
        await _stateLock.WaitAsync();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                // The schema pointer follows main's head (the manifests stay the truth; schema apply reads them).
                _state.State.SchemaHash = mainSchema ?? _state.State.SchemaHash;
                foreach (var (incarnation, version) in stale)
                {
                    var hint = _state.State.HeadHints.Find(h => string.Equals(h.Incarnation, incarnation, StringComparison.Ordinal));
                    if (hint is null)
                    {
                        _state.State.HeadHints.Add(new HeadHint { Incarnation = incarnation, Version = version });
                    }
                    else if (hint.Version < version)
                    {
                        hint.Version = version;
                    }
                }

                try
                {
                    await _state.WriteStateAsync();
                    foreach (var (incarnation, version) in stale)
                    {
                        _persistedHints[incarnation] = version;
                    }

                    return;
                }
                catch (InconsistentStateException) when (attempt == 0)
                {
                    await _state.ReadStateAsync();
                }
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }

    private long HintFor(string incarnation)
    {
        var best = _persistedHints.GetValueOrDefault(incarnation);
        foreach (var hint in _state.State.HeadHints)
        {
            if (string.Equals(hint.Incarnation, incarnation, StringComparison.Ordinal) && hint.Version > best)
            {
                best = hint.Version;
            }
        }

        return best;
    }

    private static BranchInfo MainBranch(Storage.Documents.GraphStampDocument stamp) =>
        new(BranchNames.Main, stamp.MainBranchIncarnation, stamp.CreatedAt, null);

    private static BranchInfo ToInfo(BranchRecord record) => new(
        record.Name,
        record.Incarnation,
        record.CreatedAt,
        new BranchForkPoint(record.ForkedFrom.Branch, record.ForkedFrom.Incarnation, record.ForkedFrom.ManifestVersion, record.ForkedFrom.CommitId));

    /// <summary>The problem with a branch name, or <c>null</c>: non-empty, at most 200 characters, segments of <c>[A-Za-z0-9._-]</c> separated by <c>/</c>, not <c>main</c>.</summary>
    internal static string? FindBranchNameViolation(string name)
    {
        if (name.Length == 0 || name.Length > 200)
        {
            return "a branch name has 1 to 200 characters";
        }

        if (string.Equals(name, BranchNames.Main, StringComparison.Ordinal))
        {
            return "main always exists";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return "empty, '.' and '..' segments are not allowed";
            }

            foreach (var c in segment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
                {
                    return $"'{c}' is not allowed (letters, digits, '.', '-', '_' and '/')";
                }
            }
        }

        return null;
    }
}
