namespace OmniGraph.Storage;

/// <summary>
/// A conditional write or delete lost: the object exists when it must not, its entity tag differs, it is missing when a
/// tag was expected, or it is leased by someone else. Code <c>precondition_failed</c>; details
/// <see cref="ErrorDetail.Key"/>, <see cref="ErrorDetail.Condition"/> (the condition's kind), <see cref="ErrorDetail.Expected"/> (the tag it expected), <see cref="ErrorDetail.CurrentETag"/> and, for a
/// failure that is not just a tag mismatch, <see cref="ErrorDetail.Reason"/>. A subclass because every compare-and-swap
/// of the engine catches it.
/// </summary>
public sealed class ObjectPreconditionFailedException : OmniGraphException
{
    /// <summary>Creates the error for <paramref name="key"/>.</summary>
    public ObjectPreconditionFailedException(string key, WriteCondition condition, string? currentETag, string? reason = null)
        : this(
            ErrorCodes.PreconditionFailed,
            $"precondition failed for object '{key}' ({condition}): {reason ?? (currentETag is null ? "object does not exist" : $"current entity tag is {currentETag}")}",
            ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Condition.With(condition.Kind.ToString()), ErrorDetail.Expected.With(condition.ETag), ErrorDetail.CurrentETag.With(currentETag), ErrorDetail.Reason.With(reason)),
            null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public ObjectPreconditionFailedException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The key of the object.</summary>
    public string Key => Get(ErrorDetail.Key) ?? string.Empty;

    /// <summary>The condition that did not hold (its kind and expected tag; a lease id is not kept).</summary>
    public WriteCondition Condition => Enum.Parse<WriteConditionKind>(Get(ErrorDetail.Condition) ?? nameof(WriteConditionKind.None)) switch
    {
        WriteConditionKind.IfNotExists => WriteCondition.IfNotExists,
        WriteConditionKind.IfMatch => WriteCondition.IfMatch(Get(ErrorDetail.Expected) ?? "?"),
        _ => WriteCondition.None,
    };

    /// <summary>Entity tag of the object as it is now, when known; <c>null</c> when it does not exist.</summary>
    public string? CurrentETag => Get(ErrorDetail.CurrentETag);

    /// <summary>Why the condition failed when it is not just a tag mismatch (for example a lease conflict); otherwise <c>null</c>.</summary>
    public string? Reason => Get(ErrorDetail.Reason);
}
