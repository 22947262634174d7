using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniGraph.Client.Wire;

/// <summary>The body of <c>POST /graphs/{id}/query</c> (operations.md §2.5 <c>QueryRequest</c>).</summary>
/// <param name="Query">The <c>.gq</c> source.</param>
/// <param name="Name">The query to run in it (needed when it declares several).</param>
/// <param name="Params">Parameter values as a JSON object.</param>
/// <param name="Branch">The branch whose head is read (default main); exclusive with <paramref name="Snapshot"/>.</param>
/// <param name="Snapshot">A snapshot to read: a commit id or a manifest version.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record QueryRequestBody(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("params")] JsonElement? Params = null,
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("snapshot")] string? Snapshot = null);

/// <summary>The body of <c>POST /graphs/{id}/mutate</c> and <c>/mutate/if-graph-commit</c> (§2.5 <c>ChangeRequest</c>).</summary>
/// <param name="Query">The <c>.gq</c> source.</param>
/// <param name="Name">The mutation to run in it.</param>
/// <param name="Params">Parameter values as a JSON object.</param>
/// <param name="Branch">The branch to write (default main).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MutateRequestBody(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("params")] JsonElement? Params = null,
    [property: JsonPropertyName("branch")] string? Branch = null);

/// <summary>The body of <c>POST /graphs/{id}/load</c> (§2.5 <c>IngestRequest</c>): the JSONL travels inside the JSON.</summary>
/// <param name="Data">The JSONL text.</param>
/// <param name="Mode"><c>overwrite</c>, <c>append</c> or <c>merge</c> (default merge).</param>
/// <param name="Branch">The branch to load into (default main); it must exist.</param>
/// <param name="From">Fork a missing branch from this one first (not done by this version: 501).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LoadRequestBody(
    [property: JsonPropertyName("data")] string? Data,
    [property: JsonPropertyName("mode")] string? Mode = null,
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("from")] string? From = null);

/// <summary>The body of <c>POST /graphs/{id}/export</c> (§2.5 <c>ExportRequest</c>); unknown members are refused.</summary>
/// <param name="Branch">The branch to export (default main).</param>
/// <param name="TypeNames">Only these node or edge types (empty or absent: every type).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExportRequestBody(
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("type_names")] string[]? TypeNames = null);

/// <summary>The body of <c>POST /graphs/{id}/changes/baseline</c> (§2.5 <c>ChangeBaselineRequest</c>); unknown members are refused.</summary>
/// <param name="Branch">The branch (default main).</param>
/// <param name="Kind">Entity kinds of the feed filter (<c>node</c>, <c>edge</c>).</param>
/// <param name="Type">Type names of the feed filter.</param>
/// <param name="Op">Operations of the feed filter.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChangeBaselineRequestBody(
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("kind")] string[]? Kind = null,
    [property: JsonPropertyName("type")] string[]? Type = null,
    [property: JsonPropertyName("op")] string[]? Op = null);

/// <summary>The body of <c>POST /graphs/{id}/branches</c> (§2.5 <c>BranchCreateRequest</c>); unknown members are refused.</summary>
/// <param name="Name">The new branch.</param>
/// <param name="From">The branch (its head) or commit to start at (default main).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BranchCreateRequestBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("from")] string? From = null);

/// <summary>The body of <c>POST /graphs/{id}/branches/merge</c> (§2.5 <c>BranchMergeRequest</c>); unknown members are refused.</summary>
/// <param name="Source">The branch whose changes are taken.</param>
/// <param name="Target">The branch that receives them (default main).</param>
/// <param name="DeleteBranch">Delete the source afterwards (under its own <c>branch_delete</c> decision; a refusal does not fail the merge).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BranchMergeRequestBody(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("target")] string? Target = null,
    [property: JsonPropertyName("delete_branch")] bool DeleteBranch = false);

/// <summary>The body of <c>POST /graphs/{id}/lint</c>: a <c>.gq</c> source to check against a branch's schema, without running it.</summary>
/// <param name="Query">The <c>.gq</c> source (every query in it is checked).</param>
/// <param name="Branch">The branch whose schema is used (default main).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LintRequestBody(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("branch")] string? Branch = null);

/// <summary>
/// The body of <c>POST /graphs/{id}/promotions/preview</c> (docs/branches.md, "Promotion over HTTP"); unknown members are refused.
/// </summary>
/// <param name="Source">The branch whose change would be promoted.</param>
/// <param name="Target">The branch that would receive it (default main).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PromotionPreviewRequestBody(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("target")] string? Target = null);

/// <summary>The body of <c>POST /graphs/{id}/promotions</c>: confirms the change a preview showed by its digest; unknown members are refused.</summary>
/// <param name="Source">The branch whose change is promoted.</param>
/// <param name="Target">The branch that receives it (default main).</param>
/// <param name="DiffDigest">The <c>diff_digest</c> of the reviewed preview.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PromotionConfirmRequestBody(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("diff_digest")] string? DiffDigest);

/// <summary>The body of <c>POST /graphs/{id}/schema/apply</c> (§2.5 <c>SchemaApplyRequest</c>); unknown members are refused.</summary>
/// <param name="SchemaSource">The complete desired <c>.pg</c> source.</param>
/// <param name="AllowDataLoss">Plan drops as hard rather than soft.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SchemaApplyRequestBody(
    [property: JsonPropertyName("schema_source")] string? SchemaSource,
    [property: JsonPropertyName("allow_data_loss")] bool AllowDataLoss = false);
