using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// One step of a schema plan as the CLI and the HTTP interface print it, tagged by <see cref="Kind"/>
/// (<c>add_type, rename_type, add_property, rename_property, add_constraint, remove_constraint, extend_enum,
/// update_type_metadata, update_property_metadata, drop_type, drop_property, unsupported_change</c>); members a kind does
/// not use are left out.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SchemaStepOutput([property: Id(0), JsonPropertyName("kind")] string Kind)
{
    /// <summary><c>node</c>, <c>edge</c> or <c>interface</c>.</summary>
    [Id(1), JsonPropertyName("type_kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TypeKind { get; init; }

    /// <summary>The type (its new name for a rename, its accepted name for a drop).</summary>
    [Id(2), JsonPropertyName("type_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TypeName { get; init; }

    /// <summary>The property (its new name for a rename).</summary>
    [Id(3), JsonPropertyName("property"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Property { get; init; }

    /// <summary>The accepted name of a renamed type or property.</summary>
    [Id(4), JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    /// <summary>The constraint's source text.</summary>
    [Id(5), JsonPropertyName("constraint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Constraint { get; init; }

    /// <summary>The values an enum widening adds.</summary>
    [Id(6), JsonPropertyName("added_values"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<string>? AddedValues { get; init; }

    /// <summary><c>soft</c> or <c>hard</c> (drops).</summary>
    [Id(7), JsonPropertyName("mode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    /// <summary>What an unsupported change is about.</summary>
    [Id(8), JsonPropertyName("entity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Entity { get; init; }

    /// <summary>Why the change is unsupported.</summary>
    [Id(9), JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>The lint code of an unsupported change, when it has one.</summary>
    [Id(10), JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    /// <summary>The step as one line for people (<c>rename_property Human.name -&gt; full_name</c>).</summary>
    [Id(11), JsonIgnore]
    public string Text { get; init; } = string.Empty;
}
