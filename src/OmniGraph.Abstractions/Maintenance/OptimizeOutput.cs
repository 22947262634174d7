using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// What <c>optimize</c> did to one branch (docs/maintenance.md): at most one commit (kind <c>optimize</c>) whose
/// compacted tables hold exactly the rows they held, in the same order; none when nothing needed compacting.
/// </summary>
/// <param name="Branch">The branch.</param>
/// <param name="Committed">Whether a commit was published.</param>
/// <param name="GraphManifestVersion">The branch's manifest version afterwards.</param>
/// <param name="Tables">Every table of the branch, sorted by table key.</param>
[GenerateSerializer]
[Immutable]
public sealed record OptimizeOutput(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("committed")] bool Committed,
    [property: Id(2), JsonPropertyName("graph_manifest_version")] long GraphManifestVersion,
    [property: Id(3), JsonPropertyName("tables")] ImmutableArray<OptimizedTable> Tables)
{
    /// <summary>The optimize commit, when there is one.</summary>
    [Id(4), JsonPropertyName("commit_id")]
    public string? CommitId { get; init; }
}

/// <summary>One table of an <see cref="OptimizeOutput"/>.</summary>
/// <param name="TypeKey">The table key (<c>node:Person</c>).</param>
/// <param name="FragmentsRemoved">Fragments the compacted version no longer lists (0 when skipped).</param>
/// <param name="FragmentsAdded">Fragments the compacted version lists (0 when skipped).</param>
/// <param name="Rows">Live rows (unchanged by the compaction).</param>
/// <param name="Compacted">Whether the table was rewritten.</param>
/// <param name="Skipped">Why it was not: <c>compact</c> (one fragment, no deletions), <c>empty</c>, <c>inherited</c> (the branch has not written it: compact it on the branch that owns it).</param>
[GenerateSerializer]
[Immutable]
public sealed record OptimizedTable(
    [property: Id(0), JsonPropertyName("type_key")] string TypeKey,
    [property: Id(1), JsonPropertyName("fragments_removed")] int FragmentsRemoved,
    [property: Id(2), JsonPropertyName("fragments_added")] int FragmentsAdded,
    [property: Id(3), JsonPropertyName("rows")] long Rows,
    [property: Id(4), JsonPropertyName("compacted")] bool Compacted,
    [property: Id(5), JsonPropertyName("skipped"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Skipped);
