namespace OmniGraph.Abstractions;

/// <summary>
/// What a write was prepared against changed before it took effect: the branch head moved (<c>graph_head:main</c>) or
/// another writer won the manifest version. Nothing of the write is visible. Code <c>read_set_conflict</c>; details
/// <see cref="ErrorDetail.Member"/>, <see cref="ErrorDetail.Expected"/>, <see cref="ErrorDetail.Actual"/>. Retryable
/// writes (appends, merges, insert-only mutations) are re-prepared automatically; the others report it. A subclass
/// because the write coordinator catches it to retry.
/// </summary>
public sealed class ReadSetChangedException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public ReadSetChangedException(string member, string? expected, string? actual, Exception? innerException = null)
        : this(
            ErrorCodes.ReadSetConflict,
            $"read set changed: {member} expected {expected ?? "none"}, found {actual ?? "none"}; the write was not applied",
            ErrorDetails.Of(ErrorDetail.Member.With(member), ErrorDetail.Expected.With(expected), ErrorDetail.Actual.With(actual)),
            innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public ReadSetChangedException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>What changed, for example <c>graph_head:main</c>.</summary>
    public string Member => Get(ErrorDetail.Member) ?? string.Empty;

    /// <summary>What the write was prepared against.</summary>
    public string? Expected => Get(ErrorDetail.Expected);

    /// <summary>What is there now.</summary>
    public string? Actual => Get(ErrorDetail.Actual);

    /// <summary>The member name for a branch head.</summary>
    public static string GraphHead(string branch) => $"graph_head:{branch}";
}
