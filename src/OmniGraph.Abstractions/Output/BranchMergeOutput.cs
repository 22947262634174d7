using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// A merge in the CLI/HTTP shape (<c>branch merge --json</c>), the reference's <c>BranchMergeOutput {source, target,
/// outcome, actor_id, branch_deleted?, branch_delete_error?}</c> plus the commits involved and what each table took.
/// <c>branch_deleted</c> is left out unless the source's deletion was asked for; <c>branch_delete_error</c> is there
/// exactly when that deletion failed. A conflicted merge is an error (<c>merge_conflicts</c>) whose body lists
/// <see cref="MergeConflictOutput"/>s.
/// </summary>
/// <param name="Source">The source branch.</param>
/// <param name="Target">The target branch.</param>
/// <param name="Outcome">How it ended: <c>already_up_to_date</c>, <c>fast_forward</c> or <c>merged</c>.</param>
/// <param name="ActorId">Who merged (left out when unknown).</param>
/// <param name="SourceCommitId">The source head the merge took.</param>
/// <param name="BaseCommitId">The merge base.</param>
/// <param name="Commit">The merge commit (<c>null</c> when up to date).</param>
/// <param name="Tables">What each changed table took, in table-key order.</param>
/// <param name="BranchDeleted">Whether the source was deleted afterwards (left out unless asked for).</param>
/// <param name="BranchDeleteError">Why deleting it failed (left out when it did not).</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchMergeOutput(
    [property: Id(0), JsonPropertyName("source")] string Source,
    [property: Id(1), JsonPropertyName("target")] string Target,
    [property: Id(2), JsonPropertyName("outcome")] string Outcome,
    [property: Id(3), JsonPropertyName("actor_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActorId,
    [property: Id(4), JsonPropertyName("source_commit_id")] string SourceCommitId,
    [property: Id(5), JsonPropertyName("base_commit_id")] string? BaseCommitId,
    [property: Id(6), JsonPropertyName("commit")] CommitOutput? Commit,
    [property: Id(7), JsonPropertyName("tables")] ImmutableArray<TableMergeOutput> Tables,
    [property: Id(8), JsonPropertyName("branch_deleted"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? BranchDeleted,
    [property: Id(9), JsonPropertyName("branch_delete_error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BranchDeleteError)
{
    /// <summary>The output of a merge result; <paramref name="deleteRequested"/> says whether the source's deletion was asked for.</summary>
    public static BranchMergeOutput From(BranchMergeResult result, string? actor, bool deleteRequested)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.Source,
            result.Target,
            result.Outcome.ToWireName(),
            result.Commit?.Actor ?? actor,
            result.SourceCommitId,
            result.BaseCommitId,
            result.Commit?.ToOutput(),
            [.. result.Tables.Select(static t => new TableMergeOutput(t.Table, t.Inserted, t.Updated, t.Deleted))],
            deleteRequested ? result.BranchDeleted : null,
            result.BranchDeleteError);
    }

    /// <summary>Outputs are equal when every field is.</summary>
    public bool Equals(BranchMergeOutput? other) =>
        other is not null
        && (Source, Target, Outcome, ActorId, SourceCommitId, BaseCommitId, Commit, BranchDeleted, BranchDeleteError)
            == (other.Source, other.Target, other.Outcome, other.ActorId, other.SourceCommitId, other.BaseCommitId, other.Commit, other.BranchDeleted, other.BranchDeleteError)
        && Tables.AsSpan().SequenceEqual(other.Tables.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Target, Outcome, Commit?.GraphCommitId);
}

/// <summary>What a merge did to one table of the target.</summary>
/// <param name="Table">The table key.</param>
/// <param name="Inserted">Entities the target did not have.</param>
/// <param name="Updated">Entities whose row the source's replaced.</param>
/// <param name="Deleted">Entities the source deleted.</param>
[GenerateSerializer]
[Immutable]
public sealed record TableMergeOutput(
    [property: Id(0), JsonPropertyName("table")] string Table,
    [property: Id(1), JsonPropertyName("inserted")] long Inserted,
    [property: Id(2), JsonPropertyName("updated")] long Updated,
    [property: Id(3), JsonPropertyName("deleted")] long Deleted);

/// <summary>One merge conflict in the CLI/HTTP shape.</summary>
/// <param name="EntityKind"><c>node</c> or <c>edge</c>.</param>
/// <param name="TypeName">The type name.</param>
/// <param name="Table">The table key.</param>
/// <param name="EntityId">The entity concerned, when there is one.</param>
/// <param name="Kind">The conflict kind (<see cref="MergeConflictKinds.ToWireName"/>).</param>
/// <param name="Message">What is wrong.</param>
[GenerateSerializer]
[Immutable]
public sealed record MergeConflictOutput(
    [property: Id(0), JsonPropertyName("entity_kind")] string EntityKind,
    [property: Id(1), JsonPropertyName("type_name")] string TypeName,
    [property: Id(2), JsonPropertyName("table")] string Table,
    [property: Id(3), JsonPropertyName("entity_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityId,
    [property: Id(4), JsonPropertyName("kind")] string Kind,
    [property: Id(5), JsonPropertyName("message")] string Message)
{
    /// <summary>The output of a conflict.</summary>
    public static MergeConflictOutput From(MergeConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(conflict.EntityKind, conflict.TypeName, conflict.Table, conflict.EntityId, conflict.Kind.ToWireName(), conflict.Message);
    }

    /// <summary>The conflict this output shows (an HTTP client reads conflicts back).</summary>
    public MergeConflict ToConflict() => new(Table, MergeConflictKinds.Parse(Kind), EntityId, Message);
}
