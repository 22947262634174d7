namespace OmniGraph.Schema.Migration;

/// <summary>The planner's comparison of a kept type's constraints and properties.</summary>
public static partial class SchemaMigrationPlanner
{
    /// <summary>
    /// Only <c>@index</c> may come and go (indexes are derived, query-only state); any other constraint added, removed or
    /// changed would need the stored rows re-checked. Constraints are compared by the identities of the properties they
    /// name, so renaming a property keeps its constraints.
    /// </summary>
    private static void PlanConstraints(GraphElementType before, GraphElementType after, List<SchemaMigrationStep> steps)
    {
        var was = before.Constraints.Where(static c => c.Kind != ConstraintKind.Index).Select(c => Signature(before, c)).Order(StringComparer.Ordinal);
        var now = after.Constraints.Where(static c => c.Kind != ConstraintKind.Index).Select(c => Signature(after, c)).Order(StringComparer.Ordinal);
        if (!was.SequenceEqual(now, StringComparer.Ordinal))
        {
            steps.Add(Unsupported(after.DisplayName, "adding, removing or changing @key, @unique, @range or @check on an existing type is not supported"));
        }

        var indexesBefore = before.IndexConstraints.ToDictionary(c => Signature(before, c), static c => c, StringComparer.Ordinal);
        var indexesAfter = after.IndexConstraints.ToDictionary(c => Signature(after, c), static c => c, StringComparer.Ordinal);
        foreach (var (signature, index) in indexesAfter)
        {
            if (!indexesBefore.ContainsKey(signature))
            {
                steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.AddConstraint) { TypeKind = KindOf(after), TypeName = after.Name, Constraint = index.ToSourceText() });
            }
        }

        foreach (var (signature, index) in indexesBefore)
        {
            if (!indexesAfter.ContainsKey(signature))
            {
                steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.RemoveConstraint) { TypeKind = KindOf(after), TypeName = after.Name, Constraint = index.ToSourceText() });
            }
        }
    }

    /// <summary>A constraint with every property it names replaced by that property's stable id.</summary>
    private static string Signature(GraphElementType owner, SchemaConstraint constraint)
    {
        string Id(string name) => owner.TryGetProperty(name, out var property) ? $"#{property.StableId}" : name;
        string Ids(IEnumerable<string> names) => string.Join(',', names.Select(Id));
        return constraint switch
        {
            KeyConstraint key => $"key({Ids(key.PropertyNames)})",
            UniqueConstraint unique => $"unique({Ids(unique.Columns)})",
            RangeConstraint range => $"range({Id(range.PropertyName)},{range.BoundsText})",
            CheckConstraint check => $"check({Id(check.PropertyName)},{check.Pattern})",
            IndexConstraint index => $"index({Ids(index.Columns)})",
            _ => constraint.ToSourceText(),
        };
    }

    private static void PlanProperties(GraphElementType before, GraphElementType after, SchemaDropMode mode, DroppedMembers restorable, List<SchemaMigrationStep> steps)
    {
        var kept = after.Properties.ToDictionary(static p => p.StableId);
        var existing = before.Properties.ToDictionary(static p => p.StableId);
        foreach (var property in before.Properties)
        {
            if (kept.TryGetValue(property.StableId, out var next))
            {
                PlanProperty(after, property, next, steps);
            }
            else
            {
                steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.DropProperty) { TypeKind = KindOf(after), TypeName = after.Name, PropertyName = property.Name, Mode = mode });
            }
        }

        foreach (var property in after.Properties)
        {
            if (existing.ContainsKey(property.StableId))
            {
                continue;
            }

            var restored = property.RenameFrom is { } oldName ? restorable.PropertyOf(before.StableId, oldName) : null;
            if (!property.IsNullable && property.Default is not null && restored is not null)
            {
                // A restore fills only the rows that still exist from before the drop; a required property would need
                // every later row too, and mixing restored values with defaults is not a step anyone asked for.
                steps.Add(Unsupported(
                    $"{after.Name}.{property.Name}",
                    $"restoring dropped property '{after.Name}.{property.Name}' as a required property is not supported; restore it nullable ({property.Type.DisplayName}?)",
                    RequiredPropertyCode));
                continue;
            }

            // A required property is added when it has a @default: the apply writes the default into every existing row.
            steps.Add(property.IsNullable || property.Default is not null
                ? new SchemaMigrationStep(restored is null ? SchemaMigrationStepKind.AddProperty : SchemaMigrationStepKind.RestoreProperty)
                {
                    TypeKind = KindOf(after),
                    TypeName = after.Name,
                    PropertyName = property.Name,
                    From = restored?.Property,
                    Dropped = restored,
                }
                : Unsupported(
                    $"{after.Name}.{property.Name}",
                    $"adding required property '{after.Name}.{property.Name}' requires a backfill of the existing rows; give it a @default(…) or declare it nullable ({property.Type.DisplayName}?)",
                    RequiredPropertyCode));
        }
    }

    private static void PlanProperty(GraphElementType owner, Property before, Property after, List<SchemaMigrationStep> steps)
    {
        var entity = $"{owner.Name}.{after.Name}";
        if (!string.Equals(before.Name, after.Name, StringComparison.Ordinal))
        {
            steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.RenameProperty) { TypeKind = KindOf(owner), TypeName = owner.Name, PropertyName = after.Name, From = before.Name });
        }

        if (before.Type != after.Type)
        {
            steps.Add(PlanTypeChange(owner, entity, before, after));
        }

        if (!Equals(before.Embed, after.Embed))
        {
            steps.Add(Unsupported(entity, "changing a property's @embed source or model is not supported"));
        }

        if (!string.Equals(PropertyMetadata(before), PropertyMetadata(after), StringComparison.Ordinal))
        {
            steps.Add(new SchemaMigrationStep(SchemaMigrationStepKind.UpdatePropertyMetadata) { TypeKind = KindOf(owner), TypeName = owner.Name, PropertyName = after.Name });
        }
    }

    /// <summary>
    /// An enum may only widen (a superset of its values, same nullability): its stored strings stay valid. Any other type
    /// change would need every stored value converted or re-checked; narrowing ones carry <c>OG-MF-106</c>.
    /// </summary>
    private static SchemaMigrationStep PlanTypeChange(GraphElementType owner, string entity, Property before, Property after)
    {
        var (was, now) = (before.Type, after.Type);
        if (was.IsEnum && now.IsEnum && was.IsNullable == now.IsNullable)
        {
            var added = now.EnumValues.Except(was.EnumValues, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            return was.EnumValues.All(v => now.EnumValues.Contains(v, StringComparer.Ordinal))
                ? new SchemaMigrationStep(SchemaMigrationStepKind.ExtendEnum) { TypeKind = KindOf(owner), TypeName = owner.Name, PropertyName = after.Name, AddedValues = [.. added] }
                : Unsupported(entity, $"narrowing or renaming the values of an enum is not supported ({was.DisplayName} became {now.DisplayName})", NarrowingCode);
        }

        var narrows = was.IsEnum != now.IsEnum && (was.IsString || now.IsString)
            || (was.Kind == PropertyTypeKind.Scalar && now.Kind == PropertyTypeKind.Scalar && was.IsNumeric && now.IsNumeric && Narrows(was.Scalar, now.Scalar));
        return Unsupported(
            entity,
            $"changing property type of '{entity}' from {was.DisplayName} to {now.DisplayName} is not supported",
            narrows ? NarrowingCode : null);
    }

    /// <summary>Whether some value of <paramref name="was"/> has no exact value in <paramref name="now"/>.</summary>
    private static bool Narrows(ScalarKind was, ScalarKind now)
    {
        if (was.IsFloat() || now.IsFloat())
        {
            return !(now == ScalarKind.F64 && was is not ScalarKind.I64 and not ScalarKind.U64) && !(was == ScalarKind.F32 && now == ScalarKind.F32);
        }

        var (wasMin, wasMax) = was.GetIntegerRange();
        var (nowMin, nowMax) = now.GetIntegerRange();
        return wasMin < nowMin || wasMax > nowMax;
    }

    /// <summary>
    /// What an <c>update_property_metadata</c> step changes: the description, custom annotations and the <c>@default</c>.
    /// A changed default rewrites nothing: rows written before keep the values they have, later writes that leave the
    /// property out get the new one.
    /// </summary>
    private static string PropertyMetadata(Property property) =>
        string.Join('\u0001', [property.Description ?? "\u0002", property.Default?.Json ?? "\u0002", .. property.CustomAnnotations.Select(static a => a.ToSourceText())]);
}
