using System.Collections.Immutable;
using System.Globalization;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

internal sealed partial class CatalogBuilder
{
    private static void DeclareProperty(TypeDraft draft, PropertyDeclarationSyntax syntax)
    {
        var name = syntax.Name;
        CheckIdentifier(name, "property name");
        var isEdge = draft.Kind == DeclarationKind.Edge;
        if (PhysicalColumns.IsSystemColumn(name.Text))
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaReservedName, name.Position, $"property name '{name.Text}' is reserved for a storage system column ({draft.Display})");
        }

        if (PhysicalColumns.IsStructuralColumn(name.Text, isEdge))
        {
            SchemaThrow.Catalog(
                ErrorCodes.SchemaReservedName,
                name.Position,
                $"property '{name.Text}' on {draft.Display} collides with the physical '{name.Text}' column");
        }

        if (draft.PropertiesByName.ContainsKey(name.Text))
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaDuplicateProperty, name.Position, $"duplicate property '{name.Text}' on {draft.Display}");
        }

        var type = ResolveType(draft, syntax);
        var (annotations, embedPosition) = ReadPropertyAnnotations(draft, syntax, type);
        draft.Add(new PropertyDraft(name.Text, name.Position, type, annotations, embedPosition, null));
    }

    private static PropertyType ResolveType(TypeDraft draft, PropertyDeclarationSyntax property)
    {
        var syntax = property.Type;
        switch (syntax.Kind)
        {
            case TypeReferenceKind.Base:
                return PropertyType.Of(syntax.BaseType, syntax.IsNullable);

            case TypeReferenceKind.List:
                if (syntax.BaseType == ScalarKind.Blob)
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, syntax.Position, $"list of Blob is not supported (property {draft.Name}.{property.Name.Text})");
                }

                return PropertyType.ListOf(syntax.BaseType, syntax.IsNullable);

            case TypeReferenceKind.Vector:
                var text = syntax.VectorDimension;
                if (!IsDigits(text))
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, syntax.Position, $"Vector dimension '{text}' is not a positive integer");
                }

                if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dimension) || dimension > PropertyType.MaxVectorDimension)
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, syntax.Position, $"Vector dimension {text} exceeds maximum supported ({PropertyType.MaxVectorDimension})");
                }

                if (dimension == 0)
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, syntax.Position, "Vector dimension must be greater than zero");
                }

                return PropertyType.Vector((int)dimension, syntax.IsNullable);

            case TypeReferenceKind.Enum:
                if (syntax.EnumValues.IsDefaultOrEmpty)
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, syntax.Position, "enum type must include at least one value");
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var value in syntax.EnumValues)
                {
                    CheckEnumValue(value);
                    if (!seen.Add(value.Text))
                    {
                        SchemaThrow.Catalog(ErrorCodes.SchemaInvalidType, value.Position, $"enum type cannot include duplicate values (duplicate '{value.Text}')");
                    }
                }

                return PropertyType.Enum(seen, syntax.IsNullable);

            default:
                return SchemaThrow.Parse<PropertyType>(syntax.Position, $"unknown type shape {syntax.Kind}");
        }
    }

    private static (PropertyAnnotations Annotations, SourcePosition EmbedPosition) ReadPropertyAnnotations(
        TypeDraft draft,
        PropertyDeclarationSyntax property,
        PropertyType type)
    {
        var target = $"{draft.Name}.{property.Name.Text}";
        var isEdge = draft.Kind == DeclarationKind.Edge;
        string? description = null;
        string? renameFrom = null;
        EmbedSpec? embed = null;
        PropertyDefault? defaultValue = null;
        var embedPosition = SourcePosition.None;
        bool key = false, unique = false, index = false;
        var custom = ImmutableArray.CreateBuilder<CustomAnnotation>();

        foreach (var annotation in property.Annotations)
        {
            var name = annotation.Name.Text;
            var position = annotation.Name.Position;
            CheckIdentifier(annotation.Name, "annotation name");
            switch (name)
            {
                case "key":
                    if (isEdge)
                    {
                        InvalidAnnotation(position, $"@key is not supported on edge properties (edge {target})");
                    }

                    CheckFlagAnnotation(annotation, target, key);
                    RejectShapes(position, "key", target, type, list: true, vector: true, blob: true);
                    if (type.IsNullable)
                    {
                        InvalidAnnotation(position, $"@key property {target} cannot be nullable ({type.DisplayName})");
                    }

                    key = true;
                    break;

                case "unique":
                    CheckFlagAnnotation(annotation, target, unique);
                    RejectShapes(position, "unique", target, type, list: true, vector: true, blob: true);
                    unique = true;
                    break;

                case "index":
                    CheckFlagAnnotation(annotation, target, index);
                    RejectShapes(position, "index", target, type, list: true, vector: false, blob: true);
                    index = true;
                    break;

                case "embed":
                    if (isEdge)
                    {
                        InvalidAnnotation(position, $"@embed is not supported on edge properties (edge {target})");
                    }

                    if (embed is not null)
                    {
                        InvalidAnnotation(position, $"property {target} declares @embed multiple times");
                    }

                    if (!type.IsVector)
                    {
                        InvalidAnnotation(position, $"@embed is only supported on Vector properties ({target} is {type.DisplayName})");
                    }

                    embed = ReadEmbed(annotation, target);
                    embedPosition = position;
                    break;

                case "default":
                    defaultValue = ReadDefault(annotation, target, type, defaultValue is not null);
                    break;

                case "description":
                    description = ReadText(annotation, $"property {target}", description is not null);
                    break;

                case "rename_from":
                    renameFrom = ReadRenameFrom(annotation, $"property {target}", renameFrom is not null);
                    break;

                case "instruction":
                    InvalidAnnotation(position, $"@instruction is only supported on node and edge types (property {target})");
                    break;

                default:
                    RejectMisplacedAnnotation(annotation);
                    custom.Add(ToCustomAnnotation(annotation));
                    break;
            }
        }

        return (new PropertyAnnotations(description, renameFrom, embed, defaultValue, key, unique, index, custom.DrainToImmutable()), embedPosition);
    }

    private static PropertyDefault ReadDefault(AnnotationSyntax annotation, string target, PropertyType type, bool alreadySeen)
    {
        var position = annotation.Name.Position;
        if (alreadySeen)
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaInvalidDefault, position, $"property {target} declares @default multiple times");
        }

        if (annotation.DefaultValue is not { } value)
        {
            throw SchemaThrow.CatalogError(ErrorCodes.SchemaInvalidDefault, position, $"@default on {target} requires exactly one value: @default(literal)");
        }

        return DefaultValueChecker.Check(value, type, target);
    }

    private static void CheckFlagAnnotation(AnnotationSyntax annotation, string target, bool alreadySeen)
    {
        var name = annotation.Name.Text;
        if (annotation.Value is not null || !annotation.Arguments.IsDefaultOrEmpty)
        {
            InvalidAnnotation(annotation.Name.Position, $"@{name} on {target} does not accept arguments; write a body constraint @{name}(…) instead");
        }

        if (alreadySeen)
        {
            InvalidAnnotation(annotation.Name.Position, $"property {target} declares @{name} multiple times");
        }
    }

    private static void RejectShapes(SourcePosition position, string annotation, string target, PropertyType type, bool list, bool vector, bool blob)
    {
        if (list && type.IsList)
        {
            InvalidAnnotation(position, $"@{annotation} is not supported on list property {target}");
        }

        if (vector && type.IsVector)
        {
            InvalidAnnotation(position, $"@{annotation} is not supported on vector property {target}");
        }

        if (blob && type.IsBlob)
        {
            InvalidAnnotation(position, $"@{annotation} is not supported on blob property {target}");
        }
    }

    private static EmbedSpec ReadEmbed(AnnotationSyntax annotation, string target)
    {
        var position = annotation.Name.Position;
        if (annotation.Value is not { } source || string.IsNullOrWhiteSpace(source.Text))
        {
            return InvalidAnnotation<EmbedSpec>(position, $"@embed on {target} requires a source property name");
        }

        CheckLiteral(source);
        string? model = null;
        foreach (var argument in annotation.Arguments.IsDefault ? [] : annotation.Arguments)
        {
            if (argument.Name.Text != "model")
            {
                InvalidAnnotation(argument.Name.Position, $"unsupported @embed argument '{argument.Name.Text}' on {target}: only 'model' is supported");
            }

            CheckLiteral(argument.Value);
            model = argument.Value.Text;
        }

        return new EmbedSpec(source.Text, model);
    }
}
