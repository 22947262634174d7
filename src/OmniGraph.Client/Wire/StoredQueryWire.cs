using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniGraph.Client.Wire;

/// <summary>The stored-query catalogue of a graph (<c>GET /graphs/{id}/queries</c>, <c>omnigraph queries list --json</c>).</summary>
/// <param name="Queries">The stored queries, sorted by name.</param>
public sealed record QueriesCatalogOutput([property: JsonPropertyName("queries")] ImmutableArray<StoredQueryEntry> Queries);

/// <summary>One stored query of <see cref="QueriesCatalogOutput"/>.</summary>
/// <param name="Name">The query's name (its <c>query &lt;name&gt;</c> symbol).</param>
/// <param name="ToolName">The name of its Model Context Protocol tool (<c>/mcp</c>).</param>
/// <param name="Mutation">Whether it is a mutation (a read otherwise).</param>
/// <param name="Params">Its parameters, in declaration order.</param>
/// <param name="Description">Its <c>@description</c>, omitted when absent.</param>
/// <param name="Instruction">Its <c>@instruction</c>, omitted when absent.</param>
public sealed record StoredQueryEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("tool_name")] string ToolName,
    [property: JsonPropertyName("mutation")] bool Mutation,
    [property: JsonPropertyName("params")] ImmutableArray<StoredQueryParam> Params,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("instruction"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instruction = null);

/// <summary>One parameter of a <see cref="StoredQueryEntry"/>.</summary>
/// <param name="Name">The parameter's name (without <c>$</c>).</param>
/// <param name="Kind"><c>string, bool, int, bigint, float, date, datetime, blob, vector</c> or <c>list</c>.</param>
/// <param name="ItemKind">A list's element kind; omitted otherwise.</param>
/// <param name="VectorDim">A vector's dimension; omitted otherwise.</param>
/// <param name="Nullable">Whether the parameter may be null or omitted.</param>
public sealed record StoredQueryParam(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("item_kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ItemKind,
    [property: JsonPropertyName("vector_dim"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? VectorDim,
    [property: JsonPropertyName("nullable")] bool Nullable);

/// <summary>The optional body of <c>POST /graphs/{id}/queries/{name}</c> (and its if-graph-commit form).</summary>
/// <param name="Params">Parameter values as a JSON object.</param>
/// <param name="Branch">The branch read or written (default main).</param>
/// <param name="Snapshot">A snapshot to read (reads only).</param>
/// <param name="ExpectMutation">When given, the query must be a mutation (<c>true</c>) or a read (<c>false</c>).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InvokeStoredQueryRequest(
    [property: JsonPropertyName("params")] JsonElement? Params = null,
    [property: JsonPropertyName("branch")] string? Branch = null,
    [property: JsonPropertyName("snapshot")] string? Snapshot = null,
    [property: JsonPropertyName("expect_mutation")] bool? ExpectMutation = null);

/// <summary>Source-generated JSON of the stored-query bodies (requests refuse unknown and repeated members).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(QueriesCatalogOutput))]
[JsonSerializable(typeof(InvokeStoredQueryRequest))]
public sealed partial class StoredQueryJsonContext : JsonSerializerContext;
