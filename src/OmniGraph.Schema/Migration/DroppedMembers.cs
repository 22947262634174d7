namespace OmniGraph.Schema.Migration;

/// <summary>The softly dropped members a plan may restore, looked up the way <c>@rename_from</c> names them.</summary>
internal sealed class DroppedMembers(IReadOnlyCollection<SchemaDroppedMember> members)
{
    /// <summary>A dropped type of that kind and (dropped) name.</summary>
    public SchemaDroppedMember? TypeOf(string typeKind, string name) =>
        members.FirstOrDefault(m => m.Property is null && m.TypeKind == typeKind && string.Equals(m.TypeName, name, StringComparison.Ordinal));

    /// <summary>A dropped property of the type with that identity.</summary>
    public SchemaDroppedMember? PropertyOf(ulong typeStableId, string name) =>
        members.FirstOrDefault(m => m.TypeStableId == typeStableId && string.Equals(m.Property, name, StringComparison.Ordinal));

    /// <summary>The members no restore step of <paramref name="steps"/> brings back.</summary>
    public IEnumerable<SchemaDroppedMember> NotRestored(IReadOnlyList<SchemaMigrationStep> steps) =>
        members.Where(m => !steps.Any(s => s.Kind is SchemaMigrationStepKind.RestoreType or SchemaMigrationStepKind.RestoreProperty && s.Dropped == m));
}
