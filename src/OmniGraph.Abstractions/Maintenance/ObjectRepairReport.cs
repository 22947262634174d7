using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// What <c>omnigraph repair</c> found (and, confirmed, did): the drift between the table objects the retained history
/// names and those the store holds, per table (docs/maintenance.md, "repair").
/// </summary>
/// <param name="Confirmed">Whether fixes were carried out (<c>false</c>: a classification, nothing changed).</param>
/// <param name="Tables">Every table directory with drift, sorted by directory.</param>
/// <param name="ObjectsChecked">Referenced objects read and checked (table versions, fragments, deletion files).</param>
/// <param name="OrphansDeleted">Orphans deleted.</param>
/// <param name="BytesReclaimed">Bytes of the orphans deleted.</param>
/// <param name="DerivedRebuilt">Derived files rebuilt from their source (or, unconfirmed, that would be).</param>
/// <param name="OrphansHeld">Why no orphan may be deleted at all, when that is so (a lost manifest version: recovery repair first).</param>
[GenerateSerializer]
[Immutable]
public sealed record ObjectRepairReport(
    [property: Id(0), JsonPropertyName("confirmed")] bool Confirmed,
    [property: Id(1), JsonPropertyName("tables")] ImmutableArray<TableObjectDrift> Tables,
    [property: Id(2), JsonPropertyName("objects_checked")] int ObjectsChecked,
    [property: Id(3), JsonPropertyName("orphans_deleted")] int OrphansDeleted,
    [property: Id(4), JsonPropertyName("bytes_reclaimed")] long BytesReclaimed,
    [property: Id(5), JsonPropertyName("derived_rebuilt")] ImmutableArray<RepairStep> DerivedRebuilt,
    [property: Id(6), JsonPropertyName("orphans_held")] string? OrphansHeld)
{
    /// <summary>Referenced objects the store does not hold.</summary>
    [JsonPropertyName("missing")]
    public int Missing => Count(ObjectDriftKind.Missing);

    /// <summary>Objects nothing retained names.</summary>
    [JsonPropertyName("orphaned")]
    public int Orphaned => Count(ObjectDriftKind.Orphaned);

    /// <summary>Referenced objects that fail their checksum or do not decode as what names them.</summary>
    [JsonPropertyName("corrupt")]
    public int Corrupt => Count(ObjectDriftKind.Corrupt);

    /// <summary>Whether table data is lost: a missing or corrupt object, which repair never invents.</summary>
    [JsonPropertyName("data_lost")]
    public bool DataLost => Missing + Corrupt > 0;

    private int Count(ObjectDriftKind kind) => Tables.Sum(t => t.Objects.Count(o => o.Kind == kind));
}

/// <summary>The drift of one table directory.</summary>
/// <param name="Directory">The table directory (<c>tables/node-000001</c>).</param>
/// <param name="Table">The table key (<c>node:Person</c>) when the retained history names the directory.</param>
/// <param name="Objects">Its drifting objects, sorted by key.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableObjectDrift(
    [property: Id(0), JsonPropertyName("directory")] string Directory,
    [property: Id(1), JsonPropertyName("table")] string? Table,
    [property: Id(2), JsonPropertyName("objects")] ImmutableArray<ObjectDrift> Objects);

/// <summary>One drifting object.</summary>
/// <param name="Kind">Missing, orphaned or corrupt.</param>
/// <param name="Key">Its key.</param>
/// <param name="ObjectKind">What it is (<c>table_version</c>, <c>fragment</c>, <c>deletion_file</c>, <c>other</c>).</param>
/// <param name="Fix">What repair does (or did) about it.</param>
/// <param name="Detail">What is wrong with it, or why it is kept.</param>
/// <param name="Length">Its size in bytes, when the store holds it.</param>
/// <param name="NeededBy">For a missing or corrupt object: the branches and commits whose reads need it.</param>
[GenerateSerializer]
[Immutable]
public sealed record ObjectDrift(
    [property: Id(0), JsonPropertyName("kind")] ObjectDriftKind Kind,
    [property: Id(1), JsonPropertyName("key")] string Key,
    [property: Id(2), JsonPropertyName("object_kind")] string ObjectKind,
    [property: Id(3), JsonPropertyName("fix")] ObjectDriftFix Fix,
    [property: Id(4), JsonPropertyName("detail")] string Detail,
    [property: Id(5), JsonPropertyName("length")] long? Length,
    [property: Id(6), JsonPropertyName("needed_by")] ImmutableArray<ObjectNeed> NeededBy);

/// <summary>The commits of one branch that need a missing or corrupt object.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="FromVersion">The oldest of its retained manifest versions that needs it.</param>
/// <param name="ToVersion">The newest.</param>
/// <param name="Head">Whether its head needs it (then the branch cannot be read or written at all).</param>
/// <param name="CommitIds">The commits, oldest first.</param>
[GenerateSerializer]
[Immutable]
public sealed record ObjectNeed(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("from_version")] long FromVersion,
    [property: Id(2), JsonPropertyName("to_version")] long ToVersion,
    [property: Id(3), JsonPropertyName("head")] bool Head,
    [property: Id(4), JsonPropertyName("commit_ids")] ImmutableArray<string> CommitIds);

/// <summary>How an object drifts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObjectDriftKind>))]
public enum ObjectDriftKind
{
    /// <summary>A retained version names it; the store does not hold it.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>The store holds it; nothing retained names it (no manifest version, no pending write, no pending branch reclaim).</summary>
    [JsonStringEnumMemberName("orphaned")]
    Orphaned,

    /// <summary>A retained version names it; it fails its checksum or does not decode as what names it.</summary>
    [JsonStringEnumMemberName("corrupt")]
    Corrupt,
}

/// <summary>What repair does about a drifting object.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObjectDriftFix>))]
public enum ObjectDriftFix
{
    /// <summary>A verified orphan, deleted.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    /// <summary>A verified orphan that a confirmed repair deletes.</summary>
    [JsonStringEnumMemberName("would_delete")]
    WouldDelete,

    /// <summary>An orphan younger than the grace period: it may be a write's staged object, so it is kept.</summary>
    [JsonStringEnumMemberName("within_grace")]
    WithinGrace,

    /// <summary>An orphan that cannot be verified as one (the report's or the object's detail says why), so it is kept.</summary>
    [JsonStringEnumMemberName("held")]
    Held,

    /// <summary>Table data that is lost: repair never invents it. Restore the object from a copy.</summary>
    [JsonStringEnumMemberName("unrecoverable")]
    Unrecoverable,
}
