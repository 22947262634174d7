using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Client.Wire;

/// <summary><c>GET /healthz</c>: the server is up (liveness).</summary>
/// <param name="Status">Always <c>ok</c>.</param>
/// <param name="Version">The server's product version.</param>
/// <param name="InternalSchemaVersion">The storage format version the server writes.</param>
public sealed record HealthOutput(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("internal_schema_version")] int InternalSchemaVersion);

/// <summary><c>GET /readyz</c>: whether the server serves requests (every graph opened, not stopping).</summary>
/// <param name="Status"><c>ready</c> or <c>stopping</c>.</param>
/// <param name="Graphs">How many graphs are served.</param>
public sealed record ReadinessOutput(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("graphs")] int Graphs);

/// <summary><c>GET /graphs</c>: the served graphs, sorted by id.</summary>
/// <param name="Graphs">The graphs.</param>
public sealed record GraphListOutput([property: JsonPropertyName("graphs")] ImmutableArray<GraphListEntry> Graphs);

/// <summary>One served graph.</summary>
/// <param name="GraphId">Its id (the folder name under the store root).</param>
/// <param name="Uri">Where it is stored.</param>
public sealed record GraphListEntry(
    [property: JsonPropertyName("graph_id")] string GraphId,
    [property: JsonPropertyName("uri")] string Uri);

/// <summary><c>GET /graphs/{id}/branches</c>: the branch names, sorted.</summary>
/// <param name="Branches">The names.</param>
public sealed record BranchListOutput([property: JsonPropertyName("branches")] ImmutableArray<string> Branches);

/// <summary>
/// <c>POST /graphs/{id}/load</c>: the load receipt with the graph's <c>uri</c> first (§2.5 <c>IngestOutput</c>);
/// <c>/load/ndjson</c> answers the same without <c>uri</c> (<see cref="OmniGraph.Abstractions.LoadOutput"/>).
/// </summary>
public sealed record IngestOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("base_branch")] string? BaseBranch,
    [property: JsonPropertyName("branch_created")] bool BranchCreated,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("nodes")] ImmutableArray<OmniGraph.Abstractions.LoadedTypeCount> Nodes,
    [property: JsonPropertyName("edges")] ImmutableArray<OmniGraph.Abstractions.LoadedTypeCount> Edges,
    [property: JsonPropertyName("total_entities")] long TotalEntities,
    [property: JsonPropertyName("actor_id")] string? ActorId,
    [property: JsonPropertyName("commit")] OmniGraph.Abstractions.CommitOutput Commit)
{
    /// <summary>The receipt of <paramref name="load"/> on the graph at <paramref name="uri"/>.</summary>
    public static IngestOutput From(string uri, OmniGraph.Abstractions.LoadOutput load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return new(uri, load.Branch, load.BaseBranch, load.BranchCreated, load.Mode, load.Nodes, load.Edges, load.TotalEntities, load.ActorId, load.Commit);
    }

    /// <summary>The receipt without <c>uri</c>.</summary>
    public OmniGraph.Abstractions.LoadOutput ToLoadOutput() => new(Branch, BaseBranch, BranchCreated, Mode, Nodes, Edges, TotalEntities, ActorId, Commit);
}

/// <summary>
/// The 409 body of a conflicted merge: the error envelope (<c>error</c>, <c>code</c> <c>merge_conflicts</c>,
/// <c>details</c>) plus every conflict.
/// </summary>
/// <param name="Error">The message (the first three conflicts).</param>
/// <param name="Code">Always <c>merge_conflicts</c>.</param>
/// <param name="MergeConflicts">Every conflict.</param>
public sealed record MergeConflictsBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("merge_conflicts")] ImmutableArray<MergeConflictOutput> MergeConflicts);
