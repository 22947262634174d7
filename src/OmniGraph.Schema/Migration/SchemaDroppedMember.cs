namespace OmniGraph.Schema.Migration;

/// <summary>
/// A type or property an earlier <c>schema apply</c> dropped softly: hidden from the schema, its rows kept in the graph
/// (docs/schema-language.md, "Soft and hard drops"). A later plan restores it when a declaration names it in
/// <c>@rename_from</c>, and with <c>--allow-data-loss</c> releases it.
/// </summary>
/// <param name="TypeKind"><c>node</c> or <c>edge</c>.</param>
/// <param name="TypeName">The type's name when it was dropped (for a dropped type) or its table's name then (for a property).</param>
/// <param name="TypeStableId">The stable id of the type (a property is restored on the type of that identity, whatever its name now).</param>
/// <param name="Property">The dropped property's name, or <c>null</c> when the whole type was dropped.</param>
public sealed record SchemaDroppedMember(string TypeKind, string TypeName, ulong TypeStableId, string? Property)
{
    /// <summary><c>node Company</c>, <c>Person.age</c>.</summary>
    public string Describe() => Property is null ? $"{TypeKind} {TypeName}" : $"{TypeName}.{Property}";
}
