namespace OmniGraph.Engine;

/// <summary>
/// What a write was prepared against changed before it took effect: the branch head moved (<c>graph_head:main</c>) or
/// another writer won the manifest version. Nothing of the write is visible. Code <c>read_set_conflict</c> (HTTP 409).
/// Retryable writes (appends, merges, insert-only mutations) are re-prepared automatically; the others report it.
/// </summary>
public sealed class ReadSetChangedException : OmniGraphException
{
    public ReadSetChangedException(string member, string? expected, string? actual, Exception? innerException = null)
        : base(EngineErrorCodes.ReadSetConflict, $"read set changed: {member} expected {expected ?? "none"}, found {actual ?? "none"}; the write was not applied", innerException)
    {
        Member = member;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>What changed, for example <c>graph_head:main</c>.</summary>
    public string Member { get; }

    /// <summary>What the write was prepared against.</summary>
    public string? Expected { get; }

    /// <summary>What is there now.</summary>
    public string? Actual { get; }

    /// <summary>The member name for a branch head.</summary>
    public static string GraphHead(string branch) => $"graph_head:{branch}";
}
