using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// A storage write or clear lost an optimistic-concurrency race: the stored ETag is not the one the grain held.
/// If grain code lets it escape a grain method, the runtime deactivates that activation (so the next call
/// re-reads fresh state) and still delivers the exception to the caller.
/// </summary>
public class InconsistentStateException : OrleansException
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with both ETags.</summary>
    /// <param name="errorMsg">The message.</param>
    /// <param name="storedEtag">The ETag currently held in storage (<c>null</c> when no record exists).</param>
    /// <param name="currentEtag">The ETag the grain held in memory and tried to write under.</param>
    /// <param name="storageException">The provider's own failure.</param>
    public InconsistentStateException(string errorMsg, string? storedEtag, string? currentEtag, Exception? storageException)
        : base(errorMsg, storageException)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>Creates the exception with both ETags.</summary>
    public InconsistentStateException(string errorMsg, string? storedEtag, string? currentEtag)
        : this(errorMsg, storedEtag, currentEtag, null)
    {
    }

    /// <summary>Creates the exception with both ETags and a generated message.</summary>
    public InconsistentStateException(string? storedEtag, string? currentEtag, Exception storageException)
        : this(storageException?.Message ?? "Inconsistent state", storedEtag, currentEtag, storageException)
    {
    }

    /// <summary>The ETag currently held in storage.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the grain held in memory.</summary>
    public string? CurrentEtag { get; }

    /// <summary>
    /// <c>true</c> until the runtime has deactivated the activation the exception escaped from, so callers further
    /// up a call chain that let the same exception escape are not deactivated as well.
    /// </summary>
    internal bool IsSourceActivation { get; set; } = true;

    public override string ToString() => $"{base.ToString()} (StoredEtag: {StoredEtag ?? "null"}, CurrentEtag: {CurrentEtag ?? "null"})";
}
