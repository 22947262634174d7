namespace OmniGraph.Schema.Ir;

/// <summary>Converts a catalog to its IR document (a complete, loss-free image).</summary>
internal static class SchemaIrMapper
{
    public static SchemaIr ToIr(SchemaCatalog catalog) => new()
    {
        FormatVersion = SchemaIr.CurrentFormatVersion,
        NextStableId = catalog.NextStableId,
        Interfaces = [.. catalog.Interfaces.Select(static i => new InterfaceIr
        {
            StableId = i.StableId,
            Name = i.Name,
            Properties = [.. i.Properties.Select(ToIr)],
        })],
        NodeTypes = [.. catalog.NodeTypes.Select(static n => new NodeTypeIr
        {
            StableId = n.StableId,
            Name = n.Name,
            Implements = [.. n.Implements],
            Description = n.Description,
            Instruction = n.Instruction,
            RenameFrom = n.RenameFrom,
            Annotations = [.. n.CustomAnnotations.Select(ToIr)],
            Properties = [.. n.Properties.Select(ToIr)],
            Constraints = [.. n.Constraints.Select(ToIr)],
        })],
        EdgeTypes = [.. catalog.EdgeTypes.Select(static e => new EdgeTypeIr
        {
            StableId = e.StableId,
            Name = e.Name,
            From = e.From.Name,
            To = e.To.Name,
            Cardinality = new CardinalityIr { Min = e.Cardinality.Min, Max = e.Cardinality.Max },
            Description = e.Description,
            Instruction = e.Instruction,
            RenameFrom = e.RenameFrom,
            Annotations = [.. e.CustomAnnotations.Select(ToIr)],
            Properties = [.. e.Properties.Select(ToIr)],
            Constraints = [.. e.Constraints.Select(ToIr)],
        })],
    };

    private static PropertyIr ToIr(Property property) => new()
    {
        StableId = property.StableId,
        Name = property.Name,
        Type = ToIr(property.Type),
        InheritedFrom = property.InheritedFrom,
        Key = property.HasKeyAnnotation,
        Unique = property.HasUniqueAnnotation,
        Index = property.HasIndexAnnotation,
        Embed = property.Embed is { } embed ? new EmbedIr { Source = embed.SourceProperty, Model = embed.Model } : null,
        Default = property.Default?.Value,
        Description = property.Description,
        RenameFrom = property.RenameFrom,
        Annotations = [.. property.CustomAnnotations.Select(ToIr)],
    };

    private static TypeIr ToIr(PropertyType type) => type.Kind switch
    {
        PropertyTypeKind.Scalar => new TypeIr { Kind = IrNames.Scalar, Scalar = type.Scalar.GetName(), Nullable = type.IsNullable },
        PropertyTypeKind.List => new TypeIr { Kind = IrNames.List, Scalar = type.Scalar.GetName(), Nullable = type.IsNullable },
        PropertyTypeKind.Vector => new TypeIr { Kind = IrNames.Vector, Dimension = type.VectorDimension, Nullable = type.IsNullable },
        _ => new TypeIr { Kind = IrNames.Enum, Values = [.. type.EnumValues], Nullable = type.IsNullable },
    };

    private static ConstraintIr ToIr(SchemaConstraint constraint) => constraint switch
    {
        KeyConstraint key => Columns(key, key.PropertyNames),
        UniqueConstraint unique => Columns(unique, unique.Columns),
        IndexConstraint index => Columns(index, index.Columns),
        RangeConstraint range => new ConstraintIr
        {
            Kind = IrNames.Of(range.Kind),
            Origin = IrNames.Of(range.Origin),
            Property = range.PropertyName,
            Min = range.Min?.Text,
            Max = range.Max?.Text,
        },
        CheckConstraint check => new ConstraintIr
        {
            Kind = IrNames.Of(check.Kind),
            Origin = IrNames.Of(check.Origin),
            Property = check.PropertyName,
            Pattern = check.Pattern,
        },
        _ => throw new InvalidOperationException($"unexpected constraint type {constraint.GetType().Name}"),
    };

    private static ConstraintIr Columns(SchemaConstraint constraint, IEnumerable<string> columns) => new()
    {
        Kind = IrNames.Of(constraint.Kind),
        Origin = IrNames.Of(constraint.Origin),
        Interface = constraint.InterfaceName,
        Columns = [.. columns],
    };

    private static AnnotationIr ToIr(CustomAnnotation annotation) => new()
    {
        Name = annotation.Name,
        Value = annotation.Value is { } value ? ToIr(value) : null,
        Arguments = [.. annotation.Arguments.Select(static a => new AnnotationArgumentIr { Name = a.Name, Value = ToIr(a.Value) })],
    };

    private static LiteralIr ToIr(AnnotationValue value) => new() { Kind = IrNames.Of(value.Kind), Text = value.Text };
}
