namespace OmniGraph.Engine;

/// <summary>The branch has no such manifest version. Code <c>snapshot_not_found</c> (HTTP 404).</summary>
public sealed class SnapshotNotFoundException : OmniGraphException
{
    public SnapshotNotFoundException(string branch, long version)
        : base(EngineErrorCodes.SnapshotNotFound, $"branch '{branch}' has no manifest version {version}")
    {
        Branch = branch;
        Version = version;
    }

    /// <summary>The version exists only as a placeholder (<paramref name="reason"/> says why it cannot be read).</summary>
    public SnapshotNotFoundException(string branch, long version, string reason)
        : base(EngineErrorCodes.SnapshotNotFound, $"manifest version {version} of branch '{branch}' cannot be read: {reason}")
    {
        Branch = branch;
        Version = version;
    }

    /// <summary>The branch.</summary>
    public string Branch { get; }

    /// <summary>The version that was asked for.</summary>
    public long Version { get; }
}
