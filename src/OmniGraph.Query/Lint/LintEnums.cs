using System.Text.Json.Serialization;

namespace OmniGraph.Query.Lint;

/// <summary>Overall or per-query outcome.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintStatus>))]
public enum LintStatus
{
    /// <summary>No error finding.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>At least one error finding.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>Severity of a <see cref="LintFinding"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintSeverity>))]
public enum LintSeverity
{
    /// <summary>The query cannot run.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The query runs but is probably not what was meant.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Informational.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}

/// <summary>Whether a linted query reads or writes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintQueryKind>))]
public enum LintQueryKind
{
    /// <summary>A read query.</summary>
    [JsonStringEnumMemberName("read")]
    Read,

    /// <summary>A mutation query.</summary>
    [JsonStringEnumMemberName("mutation")]
    Mutation,
}

/// <summary>Where the schema a lint ran against came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintSchemaSourceKind>))]
public enum LintSchemaSourceKind
{
    /// <summary>A <c>.pg</c> file (<c>--schema</c>).</summary>
    [JsonStringEnumMemberName("file")]
    File,

    /// <summary>The accepted schema of a graph (a store URI).</summary>
    [JsonStringEnumMemberName("graph")]
    Graph,
}

/// <summary>Node or edge type reference in an operation descriptor.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintElementKind>))]
public enum LintElementKind
{
    /// <summary>A node type.</summary>
    [JsonStringEnumMemberName("node")]
    Node,

    /// <summary>An edge type.</summary>
    [JsonStringEnumMemberName("edge")]
    Edge,
}

/// <summary>The value kind of a result column as clients see it (JSON mapping of languages.md §4.1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LintValueKind>))]
public enum LintValueKind
{
    /// <summary>String and enum values (and node ids).</summary>
    [JsonStringEnumMemberName("string")]
    String,

    /// <summary>Bool.</summary>
    [JsonStringEnumMemberName("bool")]
    Bool,

    /// <summary>I32 and U32.</summary>
    [JsonStringEnumMemberName("int")]
    Int,

    /// <summary>I64 and U64 (and counts).</summary>
    [JsonStringEnumMemberName("bigint")]
    Bigint,

    /// <summary>F32 and F64 (and sums and averages).</summary>
    [JsonStringEnumMemberName("float")]
    Float,

    /// <summary>Date.</summary>
    [JsonStringEnumMemberName("date")]
    Date,

    /// <summary>DateTime.</summary>
    [JsonStringEnumMemberName("datetime")]
    Datetime,

    /// <summary>Blob (never a result column: Blobs cannot be read by queries).</summary>
    [JsonStringEnumMemberName("blob")]
    Blob,

    /// <summary>Vector(N); see <see cref="LintColumn.VectorDim"/>.</summary>
    [JsonStringEnumMemberName("vector")]
    Vector,

    /// <summary>[T]; see <see cref="LintColumn.ItemKind"/>.</summary>
    [JsonStringEnumMemberName("list")]
    List,
}
