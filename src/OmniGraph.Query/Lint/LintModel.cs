using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Query.Lint;

/// <summary>The schema a lint ran against.</summary>
/// <param name="Kind">File or graph.</param>
/// <param name="Path">The <c>.pg</c> path or the graph URI, when known.</param>
public sealed record LintSchemaSource(
    [property: JsonPropertyName("kind")] LintSchemaSourceKind Kind,
    [property: JsonPropertyName("path"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path);

/// <summary>
/// A typed name: one result column of a read query's operation descriptor, or one declared parameter of a query.
/// <see cref="NodeType"/> is set on a column that returns a bare node variable (<c>$p</c>): its values are node ids of
/// that type, which lets tools draw the rows as nodes.
/// </summary>
public sealed record LintColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] LintValueKind Kind,
    [property: JsonPropertyName("nullable")] bool Nullable,
    [property: JsonPropertyName("item_kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LintValueKind? ItemKind,
    [property: JsonPropertyName("vector_dim"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? VectorDim,
    [property: JsonPropertyName("node_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NodeType = null);

/// <summary>
/// Two node columns of a read's result that a traversal of its top-level pattern connects: in every row the node of
/// <see cref="From"/> reaches the node of <see cref="To"/> over <see cref="EdgeType"/> (in one or more hops).
/// </summary>
public sealed record LintLink(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("edge_type")] string EdgeType,
    [property: JsonPropertyName("multi_hop")] bool MultiHop);

/// <summary>A node or edge type an operation reads or writes.</summary>
public sealed record LintTypeReference(
    [property: JsonPropertyName("kind")] LintElementKind Kind,
    [property: JsonPropertyName("type_name")] string TypeName);

/// <summary>
/// What a query does, for tools: its result columns (reads; empty for mutations) and the types it reads and
/// writes (nodes first, then edges, each by name).
/// </summary>
public sealed record LintOperation(
    [property: JsonPropertyName("result")] ImmutableArray<LintColumn> Result,
    [property: JsonPropertyName("reads")] ImmutableArray<LintTypeReference> Reads,
    [property: JsonPropertyName("writes")] ImmutableArray<LintTypeReference> Writes,
    [property: JsonPropertyName("links"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<LintLink>? Links = null);

/// <summary>The outcome for one query declaration, with its declared parameters (also when it fails to type-check).</summary>
public sealed record LintQueryResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] LintQueryKind Kind,
    [property: JsonPropertyName("status")] LintStatus Status,
    [property: JsonPropertyName("warnings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<string>? Warnings,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonPropertyName("operation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LintOperation? Operation,
    [property: JsonPropertyName("params"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<LintColumn>? Params = null);

/// <summary>One diagnostic; <see cref="Line"/> and <see cref="Column"/> (1-based) say where, when the error knows.</summary>
public sealed record LintFinding(
    [property: JsonPropertyName("severity")] LintSeverity Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TypeName = null,
    [property: JsonPropertyName("property"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Property = null,
    [property: JsonPropertyName("query_names"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<string>? QueryNames = null,
    [property: JsonPropertyName("line"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line = null,
    [property: JsonPropertyName("column"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column = null);

/// <summary>
/// The result of linting a query file against a schema (languages.md §4.5): overall status, counts, one result
/// per query declaration in source order, and the findings. <see cref="ToJson"/> renders the <c>lint --json</c>
/// shape.
/// </summary>
public sealed record LintReport(
    [property: JsonPropertyName("status")] LintStatus Status,
    [property: JsonPropertyName("schema_source")] LintSchemaSource SchemaSource,
    [property: JsonPropertyName("query_path"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? QueryPath,
    [property: JsonPropertyName("queries_processed")] int QueriesProcessed,
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("infos")] int Infos,
    [property: JsonPropertyName("results")] ImmutableArray<LintQueryResult> Results,
    [property: JsonPropertyName("findings")] ImmutableArray<LintFinding> Findings)
{
    /// <summary>The report as JSON (pretty-printed by default, as <c>lint --json</c> prints it).</summary>
    public string ToJson(bool indented = true) =>
        System.Text.Json.JsonSerializer.Serialize(this, indented ? LintJsonContext.Indented.LintReport : LintJsonContext.Default.LintReport);
}
