namespace OmniGraph.Engine;

/// <summary>A mutation request that cannot run at all (no source, an empty branch name). Nothing was read or written. Code <c>invalid_mutation_request</c> (HTTP 400).</summary>
public sealed class InvalidMutationRequestException : OmniGraphException
{
    public InvalidMutationRequestException(string reason)
        : base(MutationErrorCodes.InvalidRequest, $"invalid mutation request: {reason}")
    {
        Reason = reason;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
