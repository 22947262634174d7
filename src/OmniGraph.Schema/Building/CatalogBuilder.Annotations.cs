using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

internal sealed partial class CatalogBuilder
{
    private static TypeMetadata ReadTypeAnnotations(TypeDraft draft)
    {
        string? description = null;
        string? instruction = null;
        string? renameFrom = null;
        var custom = ImmutableArray.CreateBuilder<CustomAnnotation>();
        foreach (var annotation in draft.Syntax.Annotations)
        {
            var name = annotation.Name.Text;
            CheckIdentifier(annotation.Name, "annotation name");
            switch (name)
            {
                case "key" or "unique" or "index" or "embed":
                    InvalidAnnotation(
                        annotation.Name.Position,
                        draft.Kind == DeclarationKind.Node
                            ? $"@{name} is only supported on node properties or as body constraint (node {draft.Name})"
                            : $"@{name} is not supported on edges (edge {draft.Name})");
                    break;
                case "description":
                    description = ReadText(annotation, draft.Display, description is not null);
                    break;
                case "instruction":
                    instruction = ReadText(annotation, draft.Display, instruction is not null);
                    break;
                case "rename_from":
                    renameFrom = ReadRenameFrom(annotation, draft.Display, renameFrom is not null);
                    break;
                default:
                    RejectMisplacedAnnotation(annotation);
                    custom.Add(ToCustomAnnotation(annotation));
                    break;
            }
        }

        return new TypeMetadata(description, instruction, renameFrom, custom.DrainToImmutable());
    }

    /// <summary>Annotation names the language reserves for other places must not become custom metadata.</summary>
    private static void RejectMisplacedAnnotation(AnnotationSyntax annotation)
    {
        switch (annotation.Name.Text)
        {
            case "range":
                InvalidAnnotation(annotation.Name.Position, "@range is a body constraint and needs arguments: @range(property, min..max)");
                break;
            case "check":
                InvalidAnnotation(annotation.Name.Position, "@check is a body constraint and needs arguments: @check(property, \"pattern\")");
                break;
            case "card":
                InvalidAnnotation(annotation.Name.Position, "@card is only allowed directly after an edge's target type");
                break;
            case "default":
                SchemaThrow.Catalog(ErrorCodes.SchemaInvalidDefault, annotation.Name.Position, "@default is only supported on properties: write it after the property's type");
                break;
        }
    }

    /// <summary>Reads <c>@description</c> / <c>@instruction</c>: one non-empty value, no keyword arguments, at most once.</summary>
    private static string ReadText(AnnotationSyntax annotation, string target, bool alreadySeen)
    {
        var name = annotation.Name.Text;
        var position = annotation.Name.Position;
        if (alreadySeen)
        {
            InvalidAnnotation(position, $"{target} declares @{name} multiple times");
        }

        if (!annotation.Arguments.IsDefaultOrEmpty)
        {
            InvalidAnnotation(position, $"@{name} on {target} accepts a single value, not name=value arguments");
        }

        if (annotation.Value is not { } value || string.IsNullOrWhiteSpace(value.Text))
        {
            return InvalidAnnotation<string>(position, $"@{name} on {target} requires a non-empty value");
        }

        CheckLiteral(value);
        return value.Text;
    }

    private static string ReadRenameFrom(AnnotationSyntax annotation, string target, bool alreadySeen)
    {
        var position = annotation.Name.Position;
        if (alreadySeen)
        {
            InvalidAnnotation(position, $"{target} declares @rename_from multiple times");
        }

        if (!annotation.Arguments.IsDefaultOrEmpty || annotation.Value is not { } value || string.IsNullOrWhiteSpace(value.Text))
        {
            return InvalidAnnotation<string>(position, $"@rename_from on {target} requires exactly one non-empty value");
        }

        CheckLiteral(value);
        return value.Text;
    }

    private static CustomAnnotation ToCustomAnnotation(AnnotationSyntax annotation)
    {
        AnnotationValue? value = null;
        if (annotation.Value is { } literal)
        {
            CheckLiteral(literal);
            value = new AnnotationValue(literal.Kind, literal.Text);
        }

        var arguments = ImmutableArray.CreateBuilder<AnnotationArgument>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in annotation.Arguments.IsDefault ? [] : annotation.Arguments)
        {
            CheckIdentifier(argument.Name, "annotation argument name");
            CheckLiteral(argument.Value);
            if (!names.Add(argument.Name.Text))
            {
                InvalidAnnotation(argument.Name.Position, $"annotation '@{annotation.Name.Text}' repeats argument '{argument.Name.Text}'");
            }

            arguments.Add(new AnnotationArgument(argument.Name.Text, new AnnotationValue(argument.Value.Kind, argument.Value.Text)));
        }

        return new CustomAnnotation(annotation.Name.Text, value, arguments.DrainToImmutable());
    }

    [DoesNotReturn]
    private static void InvalidAnnotation(SourcePosition position, string reason) =>
        SchemaThrow.Catalog(ErrorCodes.SchemaInvalidAnnotation, position, reason);

    [DoesNotReturn]
    private static T InvalidAnnotation<T>(SourcePosition position, string reason) =>
        throw SchemaThrow.CatalogError(ErrorCodes.SchemaInvalidAnnotation, position, reason);
}
