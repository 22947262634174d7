using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Tables.Values;

namespace OmniGraph.Tables.Merging;

/// <summary>
/// The per-value rules of the schema (required, <c>enum</c>, <c>@range</c>, <c>@check</c>) over the rows a merge takes
/// from its source. Every row was checked when it was written on its branch, by the producer that wrote it; a merge
/// checks again because the engine's own write API does not run these checks (they belong to the producers), so a row
/// written through it reaches a merge unchecked, and a merged graph must satisfy the schema like any other write.
/// </summary>
internal static class MergedValueRules
{
    /// <summary>One <see cref="MergeConflictKind.ValueConstraint"/> conflict per row and property that breaks a rule.</summary>
    public static ImmutableArray<MergeConflict> Check(TableLayout layout, RecordBatch rows)
    {
        var conflicts = ImmutableArray.CreateBuilder<MergeConflict>();
        if (rows.Length == 0)
        {
            return conflicts.ToImmutable();
        }

        var ids = (Utf8Column)rows.Column(TableLayout.IdColumnIndex);
        var node = layout.Type as NodeType;
        for (var column = layout.FirstPropertyColumn; column < layout.ColumnCount; column++)
        {
            var property = layout.PropertyAt(column)!;
            var values = rows.Column(column);
            var ranges = node is null ? [] : node.RangeConstraints.Where(r => r.PropertyName == property.Name).ToArray();
            var checks = node is null ? [] : node.CheckConstraints.Where(c => c.PropertyName == property.Name).ToArray();
            for (var row = 0; row < rows.Length; row++)
            {
                if (Violation(layout.Type, property, values, row, ranges, checks) is { } message)
                {
                    conflicts.Add(new MergeConflict(layout.TableName, MergeConflictKind.ValueConstraint, ids.GetString(row), message));
                }
            }
        }

        return conflicts.ToImmutable();
    }

    private static string? Violation(GraphElementType type, Property property, ArrowColumn values, int row, RangeConstraint[] ranges, CheckConstraint[] checks)
    {
        if (values.IsNull(row))
        {
            return property.IsNullable ? null : $"required property {type.Name}.{property.Name} is null";
        }

        if (property.Type.IsEnum && values is Utf8Column text && !property.Type.IsEnumValue(text.GetString(row)))
        {
            return $"invalid enum value '{text.GetString(row)}' for {type.Name}.{property.Name} (expected one of {string.Join(", ", property.Type.EnumValues)})";
        }

        foreach (var range in ranges)
        {
            var violation = values switch
            {
                PrimitiveColumn<int> v => range.Evaluate(v.GetValue(row)),
                PrimitiveColumn<long> v => range.Evaluate(v.GetValue(row)),
                PrimitiveColumn<uint> v => range.Evaluate((ulong)v.GetValue(row)),
                PrimitiveColumn<ulong> v => range.Evaluate(v.GetValue(row)),
                PrimitiveColumn<float> v => range.Evaluate(v.GetValue(row)),
                PrimitiveColumn<double> v => range.Evaluate(v.GetValue(row)),
                _ => RangeViolation.None,
            };
            if (violation != RangeViolation.None)
            {
                return range.FormatViolation(violation, CellText.Format(values, row));
            }
        }

        foreach (var check in checks)
        {
            if (values is Utf8Column strings && !check.IsMatch(strings.GetString(row)))
            {
                return check.FormatViolation(strings.GetString(row));
            }
        }

        return null;
    }
}
