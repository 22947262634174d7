using System.Collections.Immutable;

namespace OmniGraph.Schema.Migration;

/// <summary>
/// One step of a <see cref="SchemaMigrationPlan"/>. Which members are set depends on <see cref="Kind"/>: a type step names
/// <see cref="TypeKind"/> and <see cref="TypeName"/> (the new name; <see cref="From"/> the old one for a rename), a
/// property step also <see cref="PropertyName"/>, a constraint step <see cref="Constraint"/>, an enum widening
/// <see cref="AddedValues"/>, a drop <see cref="Mode"/>, an unsupported change <see cref="Entity"/>,
/// <see cref="Reason"/> and, when the lint catalogue has one, <see cref="Code"/>.
/// </summary>
public sealed record SchemaMigrationStep(SchemaMigrationStepKind Kind)
{
    /// <summary><c>node</c>, <c>edge</c> or <c>interface</c>.</summary>
    public string? TypeKind { get; init; }

    /// <summary>The type's name in the desired schema (in the accepted one for a drop).</summary>
    public string? TypeName { get; init; }

    /// <summary>The property's name in the desired schema (in the accepted one for a drop).</summary>
    public string? PropertyName { get; init; }

    /// <summary>The accepted name of a renamed type or property.</summary>
    public string? From { get; init; }

    /// <summary>The constraint's source text (<c>@index(status)</c>).</summary>
    public string? Constraint { get; init; }

    /// <summary>The values an enum widening adds, sorted.</summary>
    public ImmutableArray<string> AddedValues { get; init; } = [];

    /// <summary>How a drop goes.</summary>
    public SchemaDropMode? Mode { get; init; }

    /// <summary>What an unsupported change is about (<c>Person.age</c>, <c>edge Knows</c>).</summary>
    public string? Entity { get; init; }

    /// <summary>Why the change is unsupported.</summary>
    public string? Reason { get; init; }

    /// <summary>The softly dropped member a restore brings back or a release gives up.</summary>
    public SchemaDroppedMember? Dropped { get; init; }

    /// <summary>The lint code of an unsupported change (<c>OG-MF-103</c>, <c>OG-MF-106</c>), when there is one.</summary>
    public string? Code { get; init; }

    /// <summary>The step's snake_case kind, as JSON and the HTTP interface name it (<c>add_property</c>).</summary>
    public string KindName => Kind switch
    {
        SchemaMigrationStepKind.AddType => "add_type",
        SchemaMigrationStepKind.RenameType => "rename_type",
        SchemaMigrationStepKind.AddProperty => "add_property",
        SchemaMigrationStepKind.RenameProperty => "rename_property",
        SchemaMigrationStepKind.AddConstraint => "add_constraint",
        SchemaMigrationStepKind.RemoveConstraint => "remove_constraint",
        SchemaMigrationStepKind.ExtendEnum => "extend_enum",
        SchemaMigrationStepKind.UpdateTypeMetadata => "update_type_metadata",
        SchemaMigrationStepKind.UpdatePropertyMetadata => "update_property_metadata",
        SchemaMigrationStepKind.DropType => "drop_type",
        SchemaMigrationStepKind.DropProperty => "drop_property",
        SchemaMigrationStepKind.RestoreType => "restore_type",
        SchemaMigrationStepKind.RestoreProperty => "restore_property",
        SchemaMigrationStepKind.ReleaseDropped => "release_dropped",
        _ => "unsupported_change",
    };

    /// <summary>One line for people: <c>rename_property Human.name -&gt; full_name</c>, <c>[OG-MF-103] adding required …</c>.</summary>
    public string Describe()
    {
        var owner = PropertyName is null ? $"{TypeKind} {TypeName}" : $"{TypeName}.{PropertyName}";
        return Kind switch
        {
            SchemaMigrationStepKind.RenameType => $"{KindName} {TypeKind} {From} -> {TypeName}",
            SchemaMigrationStepKind.RenameProperty => $"{KindName} {TypeName}.{From} -> {PropertyName}",
            SchemaMigrationStepKind.RestoreType => $"{KindName} {TypeKind} {TypeName} (from the dropped {From})",
            SchemaMigrationStepKind.RestoreProperty => $"{KindName} {TypeName}.{PropertyName} (from the dropped {From})",
            SchemaMigrationStepKind.AddConstraint or SchemaMigrationStepKind.RemoveConstraint => $"{KindName} {TypeKind} {TypeName} {Constraint}",
            SchemaMigrationStepKind.ExtendEnum => $"{KindName} {owner} + {string.Join(", ", AddedValues)}",
            SchemaMigrationStepKind.DropType or SchemaMigrationStepKind.DropProperty => $"{KindName} {owner} ({(Mode == SchemaDropMode.Hard ? "hard" : "soft")})",
            SchemaMigrationStepKind.UnsupportedChange => Code is null ? $"{KindName} {Entity}: {Reason}" : $"{KindName} {Entity}: [{Code}] {Reason}",
            _ => $"{KindName} {owner}",
        };
    }
}
