using System.Text.Json;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Ir;

/// <summary>
/// Turns an IR document back into the declarations it was built from (own properties, annotations and
/// body constraints), so that rebuilding it runs every catalog rule again. Derived members (injected
/// properties, desugared constraints) are skipped here and checked by comparing the rebuilt IR.
/// </summary>
internal static class SchemaIrSyntax
{
    public static SchemaDocument ToDocument(SchemaIr ir)
    {
        var declarations = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        foreach (var contract in Required(ir.Interfaces, "interfaces"))
        {
            Require(contract, "interfaces[]");
            declarations.Add(new InterfaceDeclarationSyntax(
                default,
                Name(contract.Name, "interface name"),
                Properties(contract.Properties, $"interface {contract.Name}", includeInherited: true)));
        }

        foreach (var node in Required(ir.NodeTypes, "node_types"))
        {
            Require(node, "node_types[]");
            var context = $"node {node.Name}";
            declarations.Add(new NodeDeclarationSyntax(
                default,
                Name(node.Name, "node type name"),
                TypeAnnotations(node.Description, node.Instruction, node.RenameFrom, node.Annotations, context),
                [.. Required(node.Implements, $"{context} implements").Select(n => Name(n, $"{context} implements"))],
                Properties(node.Properties, context, includeInherited: false),
                BodyConstraints(node.Constraints, context)));
        }

        foreach (var edge in Required(ir.EdgeTypes, "edge_types"))
        {
            Require(edge, "edge_types[]");
            var context = $"edge {edge.Name}";
            var cardinality = Required(edge.Cardinality, $"{context} cardinality");
            declarations.Add(new EdgeDeclarationSyntax(
                default,
                Name(edge.Name, "edge type name"),
                Name(edge.From, $"{context} from"),
                Name(edge.To, $"{context} to"),
                cardinality.Min == 0 && cardinality.Max is null
                    ? null
                    : new CardinalitySyntax(default, Digits(cardinality.Min), cardinality.Max is { } max ? Digits(max) : null),
                TypeAnnotations(edge.Description, edge.Instruction, edge.RenameFrom, edge.Annotations, context),
                Properties(edge.Properties, context, includeInherited: false),
                BodyConstraints(edge.Constraints, context)));
        }

        return new SchemaDocument(declarations.DrainToImmutable());
    }

    private static ImmutableArray<AnnotationSyntax> TypeAnnotations(
        string? description,
        string? instruction,
        string? renameFrom,
        IReadOnlyList<AnnotationIr> custom,
        string context)
    {
        var annotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        AddText(annotations, "description", description);
        AddText(annotations, "instruction", instruction);
        AddText(annotations, "rename_from", renameFrom);
        AddCustom(annotations, custom, context);
        return annotations.DrainToImmutable();
    }

    private static ImmutableArray<PropertyDeclarationSyntax> Properties(IReadOnlyList<PropertyIr> properties, string context, bool includeInherited)
    {
        var declarations = ImmutableArray.CreateBuilder<PropertyDeclarationSyntax>();
        foreach (var property in Required(properties, $"{context} properties"))
        {
            Require(property, $"{context} properties[]");
            if (property.InheritedFrom is not null && !includeInherited)
            {
                continue;
            }

            var where = $"{context} property {property.Name}";
            var annotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
            AddFlag(annotations, "key", property.Key);
            AddFlag(annotations, "unique", property.Unique);
            AddFlag(annotations, "index", property.Index);
            if (property.Embed is { } embed)
            {
                annotations.Add(new AnnotationSyntax(
                    new NameSyntax("embed", default),
                    String(Required(embed.Source, $"{where} embed source")),
                    embed.Model is null ? [] : [new AnnotationArgumentSyntax(new NameSyntax("model", default), String(embed.Model))]));
            }

            if (property.Default is { } value)
            {
                annotations.Add(new AnnotationSyntax(new NameSyntax("default", default), null, [], DefaultValue(value, where, allowList: true)));
            }

            AddText(annotations, "description", property.Description);
            AddText(annotations, "rename_from", property.RenameFrom);
            AddCustom(annotations, property.Annotations, where);
            declarations.Add(new PropertyDeclarationSyntax(Name(property.Name, $"{context} property name"), Type(Required(property.Type, $"{where} type"), where), annotations.DrainToImmutable()));
        }

        return declarations.DrainToImmutable();
    }

    private static TypeReferenceSyntax Type(TypeIr type, string where)
    {
        switch (type.Kind)
        {
            case IrNames.Scalar:
            case IrNames.List:
                if (!ScalarKinds.TryParse(type.Scalar, out var scalar) || type.Dimension != 0 || type.Values is not null)
                {
                    Fail($"{where}: invalid {type.Kind} type (scalar '{type.Scalar}')");
                }

                return new TypeReferenceSyntax(
                    type.Kind == IrNames.Scalar ? TypeReferenceKind.Base : TypeReferenceKind.List,
                    default,
                    scalar,
                    null,
                    [],
                    type.Nullable);

            case IrNames.Vector:
                if (type.Scalar is not null || type.Values is not null || type.Dimension <= 0)
                {
                    Fail($"{where}: invalid vector type (dimension {type.Dimension})");
                }

                return new TypeReferenceSyntax(TypeReferenceKind.Vector, default, ScalarKind.F32, Digits((uint)type.Dimension), [], type.Nullable);

            case IrNames.Enum:
                if (type.Scalar is not null || type.Dimension != 0 || type.Values is null)
                {
                    Fail($"{where}: invalid enum type");
                }

                return new TypeReferenceSyntax(
                    TypeReferenceKind.Enum,
                    default,
                    ScalarKind.String,
                    null,
                    [.. type.Values.Select(v => new NameSyntax(Required(v, $"{where} enum value"), default))],
                    type.Nullable);

            default:
                return Fail<TypeReferenceSyntax>($"{where}: unknown type kind '{type.Kind}'");
        }
    }

    private static ImmutableArray<ConstraintSyntax> BodyConstraints(IReadOnlyList<ConstraintIr> constraints, string context)
    {
        var body = ImmutableArray.CreateBuilder<ConstraintSyntax>();
        foreach (var constraint in Required(constraints, $"{context} constraints"))
        {
            Require(constraint, $"{context} constraints[]");
            if (!IrNames.TryParseConstraintKind(constraint.Kind, out var kind))
            {
                Fail($"{context}: unknown constraint kind '{constraint.Kind}'");
            }

            if (!IrNames.TryParseOrigin(constraint.Origin, out var origin))
            {
                Fail($"{context}: unknown constraint origin '{constraint.Origin}'");
            }

            if (origin != ConstraintOrigin.Body)
            {
                continue;
            }

            var arguments = kind switch
            {
                ConstraintKind.Range => RangeArguments(constraint, context),
                ConstraintKind.Check => CheckArguments(constraint, context),
                _ => [.. Required(constraint.Columns, $"{context} constraint columns").Select(c => Identifier(Required(c, $"{context} constraint column")))],
            };
            body.Add(new ConstraintSyntax(kind, default, arguments));
        }

        return body.DrainToImmutable();
    }

    private static ImmutableArray<ConstraintArgumentSyntax> RangeArguments(ConstraintIr constraint, string context)
    {
        var property = Required(constraint.Property, $"{context} @range property");
        NumberSyntax? min = constraint.Min is { } low ? new NumberSyntax(low, low.Contains('.'), default) : null;
        NumberSyntax? max = constraint.Max is { } high ? new NumberSyntax(high, high.Contains('.'), default) : null;
        return [Identifier(property), new ConstraintArgumentSyntax(ConstraintArgumentKind.Range, default, $"{constraint.Min}..{constraint.Max}", min, max)];
    }

    private static ImmutableArray<ConstraintArgumentSyntax> CheckArguments(ConstraintIr constraint, string context) =>
    [
        Identifier(Required(constraint.Property, $"{context} @check property")),
        new ConstraintArgumentSyntax(ConstraintArgumentKind.String, default, Required(constraint.Pattern, $"{context} @check pattern")),
    ];

    private static ConstraintArgumentSyntax Identifier(string name) => new(ConstraintArgumentKind.Identifier, default, name);

    private static void AddFlag(ImmutableArray<AnnotationSyntax>.Builder annotations, string name, bool present)
    {
        if (present)
        {
            annotations.Add(new AnnotationSyntax(new NameSyntax(name, default), null, []));
        }
    }

    private static void AddText(ImmutableArray<AnnotationSyntax>.Builder annotations, string name, string? text)
    {
        if (text is not null)
        {
            annotations.Add(new AnnotationSyntax(new NameSyntax(name, default), String(text), []));
        }
    }

    private static void AddCustom(ImmutableArray<AnnotationSyntax>.Builder annotations, IReadOnlyList<AnnotationIr> custom, string context)
    {
        foreach (var annotation in Required(custom, $"{context} annotations"))
        {
            Require(annotation, $"{context} annotations[]");
            var name = Required(annotation.Name, $"{context} annotation name");
            if (name is "key" or "unique" or "index" or "embed" or "description" or "instruction" or "rename_from")
            {
                // These have dedicated IR members; as custom annotations they would change meaning on rebuild.
                Fail($"{context}: '@{name}' cannot be stored as a custom annotation");
            }

            annotations.Add(new AnnotationSyntax(
                new NameSyntax(name, default),
                annotation.Value is { } value ? Literal(value, context) : null,
                [.. Required(annotation.Arguments, $"{context} annotation arguments").Select(a =>
                    new AnnotationArgumentSyntax(
                        new NameSyntax(Required(Required(a, $"{context} annotation argument").Name, $"{context} annotation argument name"), default),
                        Literal(Required(a.Value, $"{context} annotation argument value"), context)))]));
        }
    }

    private static LiteralSyntax Literal(LiteralIr literal, string context)
    {
        if (!IrNames.TryParseLiteralKind(literal.Kind, out var kind))
        {
            Fail($"{context}: unknown literal kind '{literal.Kind}'");
        }

        return new LiteralSyntax(kind, Required(literal.Text, $"{context} literal text"), default);
    }

    /// <summary>A stored default back as the syntax it was checked from (the catalog checks its type again).</summary>
    private static DefaultValueSyntax DefaultValue(JsonElement value, string where, bool allowList)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new DefaultValueSyntax(DefaultValueKind.String, value.GetString()!, [], default);
            case JsonValueKind.True or JsonValueKind.False:
                return new DefaultValueSyntax(DefaultValueKind.Bool, value.ValueKind == JsonValueKind.True ? "true" : "false", [], default);
            case JsonValueKind.Number:
                var text = value.GetRawText();
                var kind = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 ? DefaultValueKind.Integer : DefaultValueKind.Float;
                return new DefaultValueSyntax(kind, text, [], default);
            case JsonValueKind.Array when allowList:
                return new DefaultValueSyntax(DefaultValueKind.List, string.Empty, [.. value.EnumerateArray().Select(item => DefaultValue(item, where, allowList: false))], default);
            default:
                return Fail<DefaultValueSyntax>($"{where}: a default must be a string, number, boolean or list of those (found {value.ValueKind})");
        }
    }

    private static LiteralSyntax String(string text) => new(LiteralKind.String, text, default);

    private static NameSyntax Name(string? text, string what) => new(Required(text, what), default);

    private static string Digits(uint value) => value.ToString(CultureInfo.InvariantCulture);

    private static T Required<T>([NotNull] T? value, string what)
        where T : class
    {
        if (value is null)
        {
            Fail($"missing {what}");
        }

        return value;
    }

    private static void Require<T>([NotNull] T? value, string what)
        where T : class => Required(value, what);

    [DoesNotReturn]
    private static void Fail(string reason) => SchemaThrow.InvalidIr(reason);

    [DoesNotReturn]
    private static T Fail<T>(string reason)
    {
        SchemaThrow.InvalidIr(reason);
        return default;
    }
}
