namespace OmniGraph.Storage;

/// <summary>Request counts taken by <see cref="CountingObjectStore.Snapshot"/>; subtract two to count one step.</summary>
public readonly record struct ObjectStoreRequestCounts(
    long Gets,
    long RangeGets,
    long PropertyReads,
    long Puts,
    long Deletes,
    long Lists,
    long LeaseAcquires,
    long LeaseRenewals,
    long LeaseReleases,
    long LeaseBreaks,
    long Flushes = 0,
    long PreparedPuts = 0)
{
    /// <summary>Requests that read object bytes (whole or ranged).</summary>
    public long Reads => Gets + RangeGets;

    /// <summary>All lease requests.</summary>
    public long LeaseOperations => LeaseAcquires + LeaseRenewals + LeaseReleases + LeaseBreaks;

    /// <summary>Every request of every kind.</summary>
    public long Total => Reads + PropertyReads + Puts + Deletes + Lists + LeaseOperations + Flushes + PreparedPuts;

    /// <summary>Requests made between two snapshots.</summary>
    public static ObjectStoreRequestCounts operator -(ObjectStoreRequestCounts later, ObjectStoreRequestCounts earlier) => new(
        later.Gets - earlier.Gets,
        later.RangeGets - earlier.RangeGets,
        later.PropertyReads - earlier.PropertyReads,
        later.Puts - earlier.Puts,
        later.Deletes - earlier.Deletes,
        later.Lists - earlier.Lists,
        later.LeaseAcquires - earlier.LeaseAcquires,
        later.LeaseRenewals - earlier.LeaseRenewals,
        later.LeaseReleases - earlier.LeaseReleases,
        later.LeaseBreaks - earlier.LeaseBreaks,
        later.Flushes - earlier.Flushes,
        later.PreparedPuts - earlier.PreparedPuts);
}
