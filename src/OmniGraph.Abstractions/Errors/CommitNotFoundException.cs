namespace OmniGraph.Engine;

/// <summary>No published commit has that id. Code <c>commit_not_found</c> (HTTP 404).</summary>
public sealed class CommitNotFoundException : OmniGraphException
{
    public CommitNotFoundException(string commitId)
        : base(EngineErrorCodes.CommitNotFound, $"commit '{commitId}' not found")
    {
        CommitId = commitId;
    }

    /// <summary>The id that was asked for.</summary>
    public string CommitId { get; }
}
