namespace OmniGraph.Schema.Migration;

/// <summary>What one step of a schema migration plan does (docs/schema-language.md, "Changing the schema").</summary>
public enum SchemaMigrationStepKind : byte
{
    /// <summary>A new node type, edge type or interface.</summary>
    AddType,

    /// <summary>A node or edge type renamed with <c>@rename_from</c>: same identity, same rows.</summary>
    RenameType,

    /// <summary>A new nullable property on an existing type (existing rows read it as null).</summary>
    AddProperty,

    /// <summary>A property renamed with <c>@rename_from</c>: same identity, same values.</summary>
    RenameProperty,

    /// <summary>An <c>@index</c> added to an existing type (derived, query-only; nothing is rewritten).</summary>
    AddConstraint,

    /// <summary>An <c>@index</c> removed from an existing type.</summary>
    RemoveConstraint,

    /// <summary>Enum values added (a pure widening; metadata only).</summary>
    ExtendEnum,

    /// <summary>Annotation-only changes of a type (<c>@description</c>, <c>@instruction</c>, custom annotations).</summary>
    UpdateTypeMetadata,

    /// <summary>Annotation-only changes of a property.</summary>
    UpdatePropertyMetadata,

    /// <summary>A node or edge type left out of the desired schema.</summary>
    DropType,

    /// <summary>A property left out of the desired schema.</summary>
    DropProperty,

    /// <summary>A softly dropped type declared again with <c>@rename_from</c> naming it: a new type filled with the kept rows.</summary>
    RestoreType,

    /// <summary>A softly dropped property declared again with <c>@rename_from</c> naming it: its kept values come back, by row id.</summary>
    RestoreProperty,

    /// <summary>With <c>--allow-data-loss</c>: a softly dropped type or property that is not restored is given up (cleanup may reclaim it).</summary>
    ReleaseDropped,

    /// <summary>A change no step supports: it makes the whole plan unsupported.</summary>
    UnsupportedChange,
}
