namespace OmniGraph.Storage;

/// <summary>The lease record of one object as a backend keeps it.</summary>
/// <param name="LeaseId">Id the holder must present.</param>
/// <param name="Duration">Duration it was taken for, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
/// <param name="ExpiresAt">When it lapses; <c>null</c> for an infinite lease.</param>
internal readonly record struct LeaseState(string LeaseId, TimeSpan Duration, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the lease still binds writers at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is not { } expiresAt || now < expiresAt;

    /// <summary>A fresh lease starting at <paramref name="now"/>.</summary>
    public static LeaseState Start(string leaseId, TimeSpan duration, DateTimeOffset now) =>
        new(leaseId, duration, duration == Timeout.InfiniteTimeSpan ? null : now + duration);

    /// <summary>The same lease, running again for its full duration from <paramref name="now"/>.</summary>
    public LeaseState RenewedAt(DateTimeOffset now) => Start(LeaseId, Duration, now);
}
