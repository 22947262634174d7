namespace OmniGraph.Storage;

/// <summary>A held write lease on one object.</summary>
/// <param name="Key">The leased object.</param>
/// <param name="LeaseId">Opaque id that writes and deletes must present while the lease is held.</param>
/// <param name="Duration">Lease duration, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
public sealed record ObjectLease(string Key, string LeaseId, TimeSpan Duration);
