using Orleans.Storage;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
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
}
