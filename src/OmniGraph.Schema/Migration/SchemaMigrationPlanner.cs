using System.Collections.Immutable;

namespace OmniGraph.Schema.Migration;

/// <summary>
/// Plans a schema migration (docs/schema-language.md, "Changing the schema"): compiles the desired schema against the
/// accepted one's stable identities (a declaration keeps its id under the same name or the name its <c>@rename_from</c>
/// gives) and compares the two declaration by declaration, by identity. Pure: it reads no data and writes nothing.
/// </summary>
public static partial class SchemaMigrationPlanner
{
    private const string RequiredPropertyCode = "OG-MF-103";
    private const string NarrowingCode = "OG-MF-106";

    /// <summary>
    /// The plan that takes <paramref name="accepted"/> to the schema <paramref name="desiredSource"/> declares;
    /// <paramref name="dropped"/> are the graph's softly dropped members (restorable by <c>@rename_from</c>).
    /// </summary>
    /// <exception cref="SchemaException">The desired source is no valid schema (its own typed errors).</exception>
    /// <exception cref="OmniGraphException">Code <c>schema_rename_unknown</c>: a <c>@rename_from</c> names nothing accepted or dropped.</exception>
    public static SchemaMigrationPlan Plan(SchemaCatalog accepted, string desiredSource, bool allowDataLoss = false, IReadOnlyCollection<SchemaDroppedMember>? dropped = null)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(desiredSource);
        return Plan(accepted, SchemaCatalog.Compile(desiredSource, accepted.ToIr()), allowDataLoss, dropped);
    }

    /// <summary>The plan that takes <paramref name="accepted"/> to <paramref name="desired"/> (compiled against <paramref name="accepted"/>'s IR).</summary>
    /// <exception cref="OmniGraphException">Code <c>schema_rename_unknown</c>: a <c>@rename_from</c> names nothing accepted or dropped.</exception>
    public static SchemaMigrationPlan Plan(SchemaCatalog accepted, SchemaCatalog desired, bool allowDataLoss, IReadOnlyCollection<SchemaDroppedMember>? dropped = null)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(desired);
        var restorable = new DroppedMembers(dropped ?? []);
        CheckRenameHints(accepted, desired, restorable);
        var mode = allowDataLoss ? SchemaDropMode.Hard : SchemaDropMode.Soft;
        var steps = new List<SchemaMigrationStep>();
        PlanInterfaces(accepted, desired, steps);
        PlanTypes(accepted, desired, accepted.NodeTypes, desired.NodeTypes, mode, restorable, steps);
        PlanTypes(accepted, desired, accepted.EdgeTypes, desired.EdgeTypes, mode, restorable, steps);
        if (allowDataLoss)
        {
            foreach (var member in restorable.NotRestored(steps))
            {
                steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.ReleaseDropped) { TypeKind = member.TypeKind, TypeName = member.TypeName, PropertyName = member.Property, Dropped = member });
            }
        }

        return new SchemaMigrationPlan(accepted, desired, [.. steps]);
    }

    /// <summary>
    /// A hint that matched nothing accepted gave its declaration a new identity: that is an error, never a silent add,
    /// unless it names a softly dropped member (a restore).
    /// </summary>
    private static void CheckRenameHints(SchemaCatalog accepted, SchemaCatalog desired, DroppedMembers restorable)
    {
        var acceptedTypes = AllTypes(accepted).ToDictionary(static t => t.StableId);
        foreach (var type in desired.NodeTypes.Cast<GraphElementType>().Concat(desired.EdgeTypes))
        {
            if (type.RenameFrom is { } oldName && !acceptedTypes.ContainsKey(type.StableId) && restorable.TypeOf(KindOf(type), oldName) is null)
            {
                throw SchemaMigrationErrors.RenameUnknown(type.DisplayName, oldName);
            }
        }

        foreach (var type in AllTypes(desired))
        {
            acceptedTypes.TryGetValue(type.StableId, out var before);
            foreach (var property in type.Properties)
            {
                if (property.RenameFrom is { } oldName
                    && property.InheritedFrom is null
                    && (before is null || !before.Properties.Any(p => p.StableId == property.StableId))
                    && (before is null || restorable.PropertyOf(before.StableId, oldName) is null))
                {
                    throw SchemaMigrationErrors.RenameUnknown($"property {property.QualifiedName}", oldName);
                }
            }
        }
    }

    private static IEnumerable<SchemaType> AllTypes(SchemaCatalog catalog) =>
        catalog.Interfaces.Cast<SchemaType>().Concat(catalog.NodeTypes).Concat(catalog.EdgeTypes);

    private static void PlanInterfaces(SchemaCatalog accepted, SchemaCatalog desired, List<SchemaMigrationStep> steps)
    {
        var kept = desired.Interfaces.Select(static i => i.StableId).ToHashSet();
        foreach (var removed in accepted.Interfaces.Where(i => !kept.Contains(i.StableId)))
        {
            steps.Add(Unsupported(removed.DisplayName, "removing an interface is not supported"));
        }

        var existing = accepted.Interfaces.Select(static i => i.StableId).ToHashSet();
        foreach (var added in desired.Interfaces.Where(i => !existing.Contains(i.StableId)))
        {
            steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.AddType) { TypeKind = "interface", TypeName = added.Name });
        }
    }

    private static void PlanTypes<T>(
        SchemaCatalog accepted, SchemaCatalog desired, ImmutableArray<T> before, ImmutableArray<T> after, SchemaDropMode mode, DroppedMembers restorable, List<SchemaMigrationStep> steps)
        where T : GraphElementType
    {
        var afterById = after.ToDictionary(static t => t.StableId);
        var beforeIds = before.Select(static t => t.StableId).ToHashSet();
        foreach (var type in after)
        {
            if (!beforeIds.Contains(type.StableId))
            {
                var restored = type.RenameFrom is { } oldName ? restorable.TypeOf(KindOf(type), oldName) : null;
                steps.Add(restored is not null
                    ? new SchemaMigrationStep(SchemaMigrationStepKind.RestoreType) { TypeKind = KindOf(type), TypeName = type.Name, From = restored.TypeName, Dropped = restored }
                    : new SchemaMigrationStep(SchemaMigrationStepKind.AddType) { TypeKind = KindOf(type), TypeName = type.Name });
            }
        }

        foreach (var type in before)
        {
            if (afterById.TryGetValue(type.StableId, out var kept))
            {
                PlanType(accepted, desired, type, kept, mode, restorable, steps);
            }
            else
            {
                steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.DropType) { TypeKind = KindOf(type), TypeName = type.Name, Mode = mode });
            }
        }
    }

    private static void PlanType(
        SchemaCatalog accepted, SchemaCatalog desired, GraphElementType before, GraphElementType after, SchemaDropMode mode, DroppedMembers restorable, List<SchemaMigrationStep> steps)
    {
        var kind = KindOf(after);
        if (!string.Equals(before.Name, after.Name, StringComparison.Ordinal))
        {
            steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.RenameType) { TypeKind = kind, TypeName = after.Name, From = before.Name });
        }

        PlanShape(accepted, desired, before, after, steps);
        PlanConstraints(before, after, steps);
        if (!string.Equals(TypeMetadata(before), TypeMetadata(after), StringComparison.Ordinal))
        {
            steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.UpdateTypeMetadata) { TypeKind = kind, TypeName = after.Name });
        }

        PlanProperties(before, after, mode, restorable, steps);
    }

    /// <summary>What a type is beyond its properties and constraints: a node's interfaces, an edge's endpoints and cardinality.</summary>
    private static void PlanShape(SchemaCatalog accepted, SchemaCatalog desired, GraphElementType before, GraphElementType after, List<SchemaMigrationStep> steps)
    {
        if (before is NodeType node && after is NodeType nextNode)
        {
            var was = node.Implements.Select(name => accepted.TryGetInterface(name, out var i) ? i.StableId : 0).Order().ToArray();
            var now = nextNode.Implements.Select(name => desired.TryGetInterface(name, out var i) ? i.StableId : 0).Order().ToArray();
            if (!was.SequenceEqual(now))
            {
                steps.Add(Unsupported(after.DisplayName, "changing the implements list of a node type is not supported"));
            }
        }
        else if (before is EdgeType edge && after is EdgeType nextEdge)
        {
            if (edge.From.StableId != nextEdge.From.StableId || edge.To.StableId != nextEdge.To.StableId)
            {
                steps.Add(Unsupported(after.DisplayName, $"changing the endpoints of an edge type is not supported ({edge.From.Name} -> {edge.To.Name} became {nextEdge.From.Name} -> {nextEdge.To.Name})"));
            }

            if (edge.Cardinality != nextEdge.Cardinality)
            {
                steps.Add(Unsupported(after.DisplayName, $"changing an edge's cardinality is not supported ({edge.Cardinality.ToSourceText()} became {nextEdge.Cardinality.ToSourceText()})"));
            }
        }
    }

    private static string TypeMetadata(GraphElementType type) =>
        string.Join('\u0001', [type.Description ?? "\u0002", type.Instruction ?? "\u0002", .. type.CustomAnnotations.Select(static a => a.ToSourceText())]);

    private static string KindOf(GraphElementType type) => type.Kind == ElementKind.Node ? "node" : "edge";

    private static SchemaMigrationStep Unsupported(string entity, string reason, string? code = null) =>
        new(SchemaMigrationStepKind.UnsupportedChange) { Entity = entity, Reason = reason, Code = code };
}
