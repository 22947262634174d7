namespace OmniGraph.Storage;

/// <summary>What must be true of the stored object for a write or delete to happen.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? eTag, string? leaseId)
    {
        Kind = kind;
        ETag = eTag;
        LeaseId = leaseId;
    }

    /// <summary>The kind of precondition.</summary>
    public WriteConditionKind Kind { get; }

    /// <summary>The entity tag an <see cref="WriteConditionKind.IfMatch"/> write expects.</summary>
    public string? ETag { get; }

    /// <summary>Lease id to present when the object is leased; <c>null</c> when none is held.</summary>
    public string? LeaseId { get; }

    /// <summary>Unconditional: create or replace.</summary>
    public static WriteCondition None { get; } = new(WriteConditionKind.None, null, null);

    /// <summary>Create only if no object has the key (atomic create-if-absent).</summary>
    public static WriteCondition IfNotExists { get; } = new(WriteConditionKind.IfNotExists, null, null);

    /// <summary>Replace or delete only if the current entity tag equals <paramref name="eTag"/> (compare-and-swap).</summary>
    public static WriteCondition IfMatch(string eTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        return new(WriteConditionKind.IfMatch, eTag, null);
    }

    /// <summary>The same condition, presenting a held lease id.</summary>
    public WriteCondition WithLease(string leaseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        return new(Kind, ETag, leaseId);
    }

    public override string ToString() => Kind switch
    {
        WriteConditionKind.IfMatch => $"if-match {ETag}",
        WriteConditionKind.IfNotExists => "if-not-exists",
        _ => "unconditional",
    };
}

/// <summary>Kinds of <see cref="WriteCondition"/>.</summary>
public enum WriteConditionKind
{
    /// <summary>No precondition.</summary>
    None,

    /// <summary>The object must not exist.</summary>
    IfNotExists,

    /// <summary>The object must exist with the given entity tag.</summary>
    IfMatch,
}
