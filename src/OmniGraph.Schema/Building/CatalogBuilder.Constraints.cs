using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

internal sealed partial class CatalogBuilder
{
    private static void BuildConstraints(TypeDraft draft)
    {
        // Catalog order: own property annotations, body constraints, then interface-injected annotations.
        // The printer writes them back in the same places, so parse(print(c)) keeps this order.
        foreach (var property in draft.Properties)
        {
            if (property.InheritedFrom is null)
            {
                AddAnnotationConstraints(draft, property, ConstraintOrigin.PropertyAnnotation);
            }
        }

        foreach (var constraint in draft.Syntax.Constraints)
        {
            AddBodyConstraint(draft, constraint);
        }

        foreach (var property in draft.Properties)
        {
            if (property.InheritedFrom is not null)
            {
                AddAnnotationConstraints(draft, property, ConstraintOrigin.Interface);
            }
        }
    }

    private static void AddAnnotationConstraints(TypeDraft draft, PropertyDraft property, ConstraintOrigin origin)
    {
        var annotations = property.Annotations;
        ImmutableArray<string> columns = [property.Name];
        if (annotations.Key)
        {
            AddKey(draft, new KeyConstraint(columns, origin, property.InheritedFrom), property.Position);
        }

        if (annotations.Unique)
        {
            draft.Constraints.Add(new UniqueConstraint(columns, origin, property.InheritedFrom));
        }

        if (annotations.Index)
        {
            draft.Constraints.Add(new IndexConstraint(columns, origin, property.InheritedFrom));
        }
    }

    private static void AddKey(TypeDraft draft, KeyConstraint key, SourcePosition position)
    {
        if (draft.HasKey)
        {
            InvalidConstraint(position, $"node {draft.Name} has multiple @key constraints; declare a composite key as one body constraint @key(a, b)");
        }

        draft.HasKey = true;
        draft.Constraints.Add(key);
    }

    private static void AddBodyConstraint(TypeDraft draft, ConstraintSyntax syntax)
    {
        var isEdge = draft.Kind == DeclarationKind.Edge;
        var keyword = KeywordOf(syntax.Kind);
        if (isEdge && syntax.Kind is ConstraintKind.Key or ConstraintKind.Range or ConstraintKind.Check)
        {
            InvalidConstraint(syntax.Position, $"{keyword} constraint is not supported on edges (edge {draft.Name})");
        }

        switch (syntax.Kind)
        {
            case ConstraintKind.Key:
            {
                var columns = ReadColumns(draft, syntax, allowEndpoints: false);
                foreach (var column in columns)
                {
                    var member = draft.PropertiesByName[column];
                    RejectColumnShapes(syntax.Position, keyword, draft, member, list: true, vector: true, blob: true);
                    if (member.Type.IsNullable)
                    {
                        InvalidConstraint(syntax.Position, $"@key property {draft.Name}.{column} cannot be nullable ({member.Type.DisplayName})");
                    }
                }

                AddKey(draft, new KeyConstraint(columns, ConstraintOrigin.Body, null), syntax.Position);
                break;
            }

            case ConstraintKind.Unique:
            {
                var columns = ReadColumns(draft, syntax, allowEndpoints: isEdge);
                foreach (var column in columns)
                {
                    if (draft.PropertiesByName.TryGetValue(column, out var member))
                    {
                        RejectColumnShapes(syntax.Position, keyword, draft, member, list: true, vector: true, blob: true);
                    }
                }

                draft.Constraints.Add(new UniqueConstraint(columns, ConstraintOrigin.Body, null));
                break;
            }

            case ConstraintKind.Index:
            {
                var columns = ReadColumns(draft, syntax, allowEndpoints: isEdge);
                foreach (var column in columns)
                {
                    if (draft.PropertiesByName.TryGetValue(column, out var member))
                    {
                        RejectColumnShapes(syntax.Position, keyword, draft, member, list: true, vector: false, blob: true);
                    }
                }

                draft.Constraints.Add(new IndexConstraint(columns, ConstraintOrigin.Body, null));
                break;
            }

            case ConstraintKind.Range:
                draft.Constraints.Add(ReadRange(draft, syntax));
                break;

            case ConstraintKind.Check:
                draft.Constraints.Add(ReadCheck(draft, syntax));
                break;

            default:
                InvalidConstraint(syntax.Position, $"unknown constraint kind {syntax.Kind}");
                break;
        }
    }

    private static ImmutableArray<string> ReadColumns(TypeDraft draft, ConstraintSyntax syntax, bool allowEndpoints)
    {
        var keyword = KeywordOf(syntax.Kind);
        if (syntax.Arguments.IsDefaultOrEmpty)
        {
            InvalidConstraint(syntax.Position, $"{keyword} on {draft.Display} requires at least one property name");
        }

        var columns = ImmutableArray.CreateBuilder<string>(syntax.Arguments.Length);
        foreach (var argument in syntax.Arguments)
        {
            if (argument.Kind != ConstraintArgumentKind.Identifier)
            {
                InvalidConstraint(argument.Position, $"{keyword} arguments must be property names (found {DescribeArgument(argument)})");
            }

            var name = argument.Text;
            var known = draft.PropertiesByName.ContainsKey(name) || (allowEndpoints && PhysicalColumns.IsEdgeEndpoint(name));
            if (!known)
            {
                InvalidConstraint(argument.Position, $"{keyword} on {draft.Display} references unknown property '{name}'");
            }

            if (columns.Contains(name))
            {
                InvalidConstraint(argument.Position, $"{keyword} on {draft.Display} lists '{name}' more than once");
            }

            columns.Add(name);
        }

        return columns.MoveToImmutable();
    }

    private static void RejectColumnShapes(SourcePosition position, string keyword, TypeDraft draft, PropertyDraft member, bool list, bool vector, bool blob)
    {
        var shape = list && member.Type.IsList ? "list"
            : vector && member.Type.IsVector ? "vector"
            : blob && member.Type.IsBlob ? "blob"
            : null;
        if (shape is not null)
        {
            InvalidConstraint(position, $"{keyword} cannot include {shape} property {draft.Name}.{member.Name} ({member.Type.DisplayName})");
        }
    }

    private static RangeConstraint ReadRange(TypeDraft draft, ConstraintSyntax syntax)
    {
        var arguments = syntax.Arguments;
        if (arguments.Length != 2 || arguments[0].Kind != ConstraintArgumentKind.Identifier || arguments[1].Kind != ConstraintArgumentKind.Range)
        {
            return InvalidConstraint<RangeConstraint>(syntax.Position, $"@range on {draft.Display} expects a property and bounds: @range(property, min..max)");
        }

        var property = ResolveConstraintProperty(draft, "@range", arguments[0]);
        var target = $"{draft.Name}.{property.Name}";
        if (!property.Type.IsNumeric)
        {
            InvalidConstraint(syntax.Position, $"@range on {target} requires a numeric type, found {property.Type.DisplayName}");
        }

        var range = arguments[1];
        if (range.Min is null && range.Max is null)
        {
            InvalidConstraint(range.Position, $"@range on {target} needs at least one bound");
        }

        var min = range.Min is { } lower ? ReadBound(target, property.Type, lower) : (RangeBound?)null;
        var max = range.Max is { } upper ? ReadBound(target, property.Type, upper) : (RangeBound?)null;
        if (min is { } a && max is { } b && a.CompareTo(b) > 0)
        {
            InvalidConstraint(range.Position, $"@range on {target}: min ({a.Text}) exceeds max ({b.Text})");
        }

        return new RangeConstraint(property.Name, min, max);
    }

    private static RangeBound ReadBound(string target, PropertyType type, NumberSyntax number)
    {
        if (!RangeBound.TryParse(number.Text, out var bound))
        {
            return InvalidConstraint<RangeBound>(number.Position, $"@range on {target}: bound {number.Text} is not a representable number");
        }

        if (type.Scalar.IsInteger())
        {
            if (bound.IsFloat)
            {
                InvalidConstraint(number.Position, $"@range on {target}: bound {bound.Text} must be an integer for {type.DisplayName}");
            }

            var (low, high) = type.Scalar.GetIntegerRange();
            if (bound.IntegerValue < low || bound.IntegerValue > high)
            {
                InvalidConstraint(number.Position, $"@range on {target}: bound {bound.Text} is outside the {type.Scalar.GetName()} range");
            }
        }

        return bound;
    }

    private static CheckConstraint ReadCheck(TypeDraft draft, ConstraintSyntax syntax)
    {
        var arguments = syntax.Arguments;
        if (arguments.Length != 2 || arguments[0].Kind != ConstraintArgumentKind.Identifier || arguments[1].Kind != ConstraintArgumentKind.String)
        {
            return InvalidConstraint<CheckConstraint>(syntax.Position, $"@check on {draft.Display} expects a property and a pattern: @check(property, \"regex\")");
        }

        var property = ResolveConstraintProperty(draft, "@check", arguments[0]);
        if (!property.Type.IsString)
        {
            InvalidConstraint(syntax.Position, $"@check on {draft.Name}.{property.Name} requires a String property, found {property.Type.DisplayName}");
        }

        return new CheckConstraint(property.Name, arguments[1].Text);
    }

    private static PropertyDraft ResolveConstraintProperty(TypeDraft draft, string keyword, ConstraintArgumentSyntax argument) =>
        draft.PropertiesByName.TryGetValue(argument.Text, out var property)
            ? property
            : InvalidConstraint<PropertyDraft>(argument.Position, $"{keyword} on {draft.Display} references unknown property '{argument.Text}'");

    private static string KeywordOf(ConstraintKind kind) => kind switch
    {
        ConstraintKind.Key => "@key",
        ConstraintKind.Unique => "@unique",
        ConstraintKind.Index => "@index",
        ConstraintKind.Range => "@range",
        _ => "@check",
    };

    private static string DescribeArgument(ConstraintArgumentSyntax argument) => argument.Kind switch
    {
        ConstraintArgumentKind.String => PgText.Quote(argument.Text),
        _ => argument.Text,
    };

    [DoesNotReturn]
    private static void InvalidConstraint(SourcePosition position, string reason) =>
        SchemaThrow.Catalog(ErrorCodes.SchemaInvalidConstraint, position, reason);

    [DoesNotReturn]
    private static T InvalidConstraint<T>(SourcePosition position, string reason) =>
        throw SchemaThrow.CatalogError(ErrorCodes.SchemaInvalidConstraint, position, reason);
}
