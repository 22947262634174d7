namespace OmniGraph.Storage;

/// <summary>
/// Lease semantics shared by every backend, following Azure Blob: a write or delete of a leased object must
/// present the active lease id; presenting an id when no lease is active (never taken, released, broken or
/// expired) fails as well, so a holder learns that it lost its lease instead of writing unprotected.
/// </summary>
internal static class LeaseRules
{
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan MaximumDuration = TimeSpan.FromSeconds(60);

    // Why a lease check failed, as ObjectPreconditionFailedException.Reason: the same words from every backend.
    public const string AlreadyLeased = "the object is already leased";
    public const string NoLongerHeld = "the lease is no longer held by this id";
    public const string WriteWithoutLeaseId = "the object is leased and the write did not present the lease id";
    public const string WrongLeaseId = "the presented lease id does not match the active lease";
    public const string NoActiveLease = "a lease id was presented but no lease is active on the object";

    public static void ValidateDuration(TimeSpan duration)
    {
        if (duration != Timeout.InfiniteTimeSpan && (duration < MinimumDuration || duration > MaximumDuration))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds, or is infinite (Timeout.InfiniteTimeSpan).");
        }
    }

    public static void ValidateLease(ObjectLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrEmpty(lease.LeaseId);
        ObjectKey.Validate(lease.Key);
    }

    public static string NewLeaseId() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// Returns why a write presenting <paramref name="presentedLeaseId"/> may not touch an object whose lease
    /// record is <paramref name="lease"/>, or <c>null</c> when it may.
    /// </summary>
    public static string? FindWriteViolation(LeaseState? lease, DateTimeOffset now, string? presentedLeaseId)
    {
        var active = lease is { } held && held.IsActiveAt(now) ? lease : null;
        if (active is { } activeLease)
        {
            if (presentedLeaseId is null)
            {
                return WriteWithoutLeaseId;
            }

            return string.Equals(activeLease.LeaseId, presentedLeaseId, StringComparison.Ordinal)
                ? null
                : WrongLeaseId;
        }

        return presentedLeaseId is null ? null : NoActiveLease;
    }
}
