namespace OmniGraph.Storage;

/// <summary>
/// A conditional write or delete lost: the object exists when it must not, its entity tag differs,
/// it is missing when a tag was expected, or it is leased by someone else.
/// </summary>
public sealed class ObjectPreconditionFailedException : ObjectStoreException
{
    public const string ErrorCode = "precondition_failed";

    public ObjectPreconditionFailedException(string key, WriteCondition condition, string? currentETag, string? reason = null)
        : base(ErrorCode, key, $"precondition failed for object '{key}' ({condition}): {reason ?? (currentETag is null ? "object does not exist" : $"current entity tag is {currentETag}")}")
    {
        Condition = condition;
        CurrentETag = currentETag;
        Reason = reason;
    }

    /// <summary>The condition that did not hold.</summary>
    public WriteCondition Condition { get; }

    /// <summary>Entity tag of the object as it is now, when known; <c>null</c> when it does not exist.</summary>
    public string? CurrentETag { get; }

    /// <summary>Why the condition failed when it is not just a tag mismatch (for example a lease conflict); otherwise <c>null</c>.</summary>
    public string? Reason { get; }
}
