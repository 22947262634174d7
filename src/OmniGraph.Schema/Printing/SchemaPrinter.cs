using System.Text;

namespace OmniGraph.Schema;

/// <summary>
/// Prints a catalog as canonical <c>.pg</c> source: interfaces, then node types, then edge types, each in
/// declaration order and separated by a blank line; four-space indentation; one property or body constraint
/// per line. Comments and the original layout are not kept. Interface-injected properties and constraints
/// are not repeated in node bodies (the <c>implements</c> clause brings them back), and the default
/// <c>@card(0..)</c> is omitted. Parsing the output yields a catalog with the same IR.
/// </summary>
public static class SchemaPrinter
{
    private const string Indent = "    ";

    /// <summary>Prints the whole catalog.</summary>
    public static string Print(SchemaCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var builder = new StringBuilder();
        foreach (var contract in catalog.Interfaces)
        {
            Separate(builder);
            builder.Append("interface ").Append(contract.Name);
            AppendBody(builder, contract.Properties, [], braceless: false);
        }

        foreach (var node in catalog.NodeTypes)
        {
            Separate(builder);
            builder.Append("node ").Append(node.Name);
            AppendTypeAnnotations(builder, node);
            if (!node.Implements.IsEmpty)
            {
                builder.Append(" implements ").AppendJoin(", ", node.Implements);
            }

            AppendBody(builder, node.Properties, node.Constraints, braceless: false);
        }

        foreach (var edge in catalog.EdgeTypes)
        {
            Separate(builder);
            builder.Append("edge ").Append(edge.Name).Append(": ").Append(edge.From.Name).Append(" -> ").Append(edge.To.Name);
            if (!edge.Cardinality.IsDefault)
            {
                builder.Append(' ').Append(edge.Cardinality.ToSourceText());
            }

            AppendTypeAnnotations(builder, edge);
            AppendBody(builder, edge.Properties, edge.Constraints, braceless: true);
        }

        return builder.ToString();
    }

    /// <summary>Prints one property line as it appears in a body, e.g. <c>slug: String @key @description("x")</c>.</summary>
    public static string PrintProperty(Property property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var builder = new StringBuilder();
        AppendProperty(builder, property);
        return builder.ToString();
    }

    /// <summary>Prints a property type, e.g. <c>[String]?</c>; same as <see cref="PropertyType.DisplayName"/>.</summary>
    public static string PrintType(PropertyType type) => type.DisplayName;

    /// <summary>Prints a constraint in body syntax, e.g. <c>@range(age, 0..120)</c>.</summary>
    public static string PrintConstraint(SchemaConstraint constraint) => constraint.ToSourceText();

    private static void Separate(StringBuilder builder)
    {
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }
    }

    private static void AppendTypeAnnotations(StringBuilder builder, GraphElementType type)
    {
        AppendText(builder, "description", type.Description);
        AppendText(builder, "instruction", type.Instruction);
        AppendText(builder, "rename_from", type.RenameFrom);
        foreach (var annotation in type.CustomAnnotations)
        {
            builder.Append(' ').Append(annotation.ToSourceText());
        }
    }

    private static void AppendBody(StringBuilder builder, IReadOnlyList<Property> properties, IReadOnlyList<SchemaConstraint> constraints, bool braceless)
    {
        var lines = new List<string>();
        foreach (var property in properties)
        {
            if (property.InheritedFrom is null)
            {
                var line = new StringBuilder();
                AppendProperty(line, property);
                lines.Add(line.ToString());
            }
        }

        foreach (var constraint in constraints)
        {
            if (constraint.Origin == ConstraintOrigin.Body)
            {
                lines.Add(constraint.ToSourceText());
            }
        }

        if (lines.Count == 0)
        {
            builder.Append(braceless ? "\n" : " {}\n");
            return;
        }

        builder.Append(" {\n");
        foreach (var line in lines)
        {
            builder.Append(Indent).Append(line).Append('\n');
        }

        builder.Append("}\n");
    }

    private static void AppendProperty(StringBuilder builder, Property property)
    {
        builder.Append(property.Name).Append(": ").Append(property.Type.DisplayName);
        if (property.HasKeyAnnotation)
        {
            builder.Append(" @key");
        }

        if (property.HasUniqueAnnotation)
        {
            builder.Append(" @unique");
        }

        if (property.HasIndexAnnotation)
        {
            builder.Append(" @index");
        }

        if (property.Embed is { } embed)
        {
            builder.Append(' ').Append(embed.ToSourceText());
        }

        if (property.Default is { } value)
        {
            builder.Append(' ').Append(value.ToSourceText());
        }

        AppendText(builder, "description", property.Description);
        AppendText(builder, "rename_from", property.RenameFrom);
        foreach (var annotation in property.CustomAnnotations)
        {
            builder.Append(' ').Append(annotation.ToSourceText());
        }
    }

    private static void AppendText(StringBuilder builder, string name, string? text)
    {
        if (text is not null)
        {
            builder.Append(" @").Append(name).Append('(');
            PgText.AppendQuoted(builder, text).Append(')');
        }
    }
}
