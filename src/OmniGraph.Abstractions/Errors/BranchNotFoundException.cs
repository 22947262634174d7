namespace OmniGraph.Engine;

/// <summary>The branch does not exist. Code <c>branch_not_found</c> (HTTP 404).</summary>
public sealed class BranchNotFoundException : OmniGraphException
{
    public BranchNotFoundException(string branch)
        : base(EngineErrorCodes.BranchNotFound, $"branch '{branch}' not found")
    {
        Branch = branch;
    }

    /// <summary>The branch name.</summary>
    public string Branch { get; }
}
