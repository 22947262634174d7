namespace OmniGraph.Storage;

/// <summary>
/// Request counts taken by <see cref="CountingObjectStore.Snapshot"/>; subtract two to count one step.
/// <see cref="Puts"/> and <see cref="Deletes"/> are the unconditional ones; <see cref="ConditionalPuts"/> and
/// <see cref="ConditionalDeletes"/> the ones with a create-if-absent or compare-and-swap condition.
/// </summary>
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
    long PreparedPuts = 0,
    long ConditionalPuts = 0,
    long ConditionalDeletes = 0)
{
    /// <summary>Requests that read object bytes (whole or ranged).</summary>
    public long Reads => Gets + RangeGets;

    /// <summary>Requests that create or replace an object, with a condition or without.</summary>
    public long Writes => Puts + ConditionalPuts;

    /// <summary>All lease requests.</summary>
    public long LeaseOperations => LeaseAcquires + LeaseRenewals + LeaseReleases + LeaseBreaks;

    /// <summary>Every request of every kind.</summary>
    public long Total => Reads + PropertyReads + Writes + Deletes + ConditionalDeletes + Lists + LeaseOperations + Flushes + PreparedPuts;

    /// <summary>
    /// The counts by kind, in a fixed order, under the names the benchmark reports (<c>put</c>, <c>conditional_put</c>,
    /// <c>get</c>, …), kinds with no request left out.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByKind()
    {
        KeyValuePair<string, long>[] all =
        [
            new("put", Puts),
            new("conditional_put", ConditionalPuts),
            new("prepare_put", PreparedPuts),
            new("flush", Flushes),
            new("get", Gets),
            new("range_get", RangeGets),
            new("properties", PropertyReads),
            new("list", Lists),
            new("delete", Deletes),
            new("conditional_delete", ConditionalDeletes),
            new("lease_acquire", LeaseAcquires),
            new("lease_renew", LeaseRenewals),
            new("lease_release", LeaseReleases),
            new("lease_break", LeaseBreaks),
        ];
        return [.. all.Where(static kind => kind.Value != 0)];
    }

    /// <summary>The non-zero counts by kind, as <c>put 2, conditional_put 1</c> (<c>none</c> when there are none).</summary>
    public override string ToString()
    {
        var kinds = ByKind();
        return kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(static kind => $"{kind.Key} {kind.Value}"));
    }

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
        later.PreparedPuts - earlier.PreparedPuts,
        later.ConditionalPuts - earlier.ConditionalPuts,
        later.ConditionalDeletes - earlier.ConditionalDeletes);
}
