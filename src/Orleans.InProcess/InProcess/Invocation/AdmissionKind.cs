namespace Orleans.InProcess.Invocation;

/// <summary>How a request may interleave with the requests already running on a non-reentrant activation.</summary>
internal enum AdmissionKind : byte
{
    /// <summary>Runs alone: admitted only when no other non-interleaving request is running.</summary>
    Normal,

    /// <summary><c>[ReadOnly]</c>: runs alongside other read-only requests, never alongside normal ones.</summary>
    ReadOnly,

    /// <summary><c>[AlwaysInterleave]</c> (or an interleaving timer tick): admitted regardless of what is running.</summary>
    AlwaysInterleave,
}
