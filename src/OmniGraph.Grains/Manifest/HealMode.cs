namespace OmniGraph.Grains.Manifest;

/// <summary>How much a heal may do.</summary>
internal enum HealMode
{
    /// <summary>On activation (a fresh process) and on request: every sidecar of every branch, incomplete ones rolled back behind a fence.</summary>
    Full,

    /// <summary>
    /// At a write entry: the written branch's sidecars that are complete (rolling forward is always safe), stale, this
    /// activation's own abandoned attempts, or earlier heals that failed; a young incomplete foreign one is left alone.
    /// </summary>
    WriteEntry,

    /// <summary>For examinations: read every sidecar and note what it proves, resolve nothing.</summary>
    Survey,
}
