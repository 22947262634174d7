using System.Collections.Immutable;
using System.Globalization;
using OmniGraph.Schema.Ir;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Building;

/// <summary>
/// Validates a parsed schema and freezes it into a <see cref="SchemaCatalog"/>.
/// </summary>
/// <remarks>
/// Rules run in two passes over the declarations in file order, and the first violation is thrown, so the
/// reported error is deterministic:
/// <list type="number">
/// <item>Declaration-local rules: duplicate and case-colliding names, type-level annotations, <c>@card</c>,
/// then each property in order (reserved name, duplicate, type, annotations).</item>
/// <item>Reference rules: edge endpoints, <c>implements</c> resolution and property injection, <c>@embed</c>
/// sources, then constraints (property annotations in property order, body constraints in written order,
/// interface-injected annotations).</item>
/// </list>
/// Stable identities are assigned after validation (<see cref="StableIdentityAssigner"/>).
/// </remarks>
internal sealed partial class CatalogBuilder
{
    private readonly List<TypeDraft> _drafts = [];
    private readonly Dictionary<string, TypeDraft> _interfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDraft> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDraft> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDraft> _edgesFolded = new(StringComparer.OrdinalIgnoreCase);

    public static SchemaCatalog Build(SchemaDocument document, SchemaIr? previous)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new CatalogBuilder();
        foreach (var declaration in document.Declarations)
        {
            builder.Declare(declaration);
        }

        foreach (var draft in builder._drafts)
        {
            builder.Resolve(draft);
        }

        var nextStableId = StableIdentityAssigner.Assign(builder._drafts, previous);
        return builder.Freeze(nextStableId);
    }

    private void Declare(DeclarationSyntax declaration)
    {
        var draft = new TypeDraft(declaration);
        CheckTypeName(declaration.Name);
        RegisterName(draft);
        if (declaration.Kind != DeclarationKind.Interface)
        {
            draft.Metadata = ReadTypeAnnotations(draft);
        }

        if (declaration is EdgeDeclarationSyntax edge)
        {
            CheckTypeName(edge.From);
            CheckTypeName(edge.To);
            draft.Cardinality = ReadCardinality(draft, edge.Cardinality);
        }

        foreach (var property in declaration.Properties)
        {
            DeclareProperty(draft, property);
        }

        _drafts.Add(draft);
    }

    private void RegisterName(TypeDraft draft)
    {
        var table = draft.Kind switch
        {
            DeclarationKind.Interface => _interfaces,
            DeclarationKind.Node => _nodes,
            _ => _edges,
        };

        var position = draft.Syntax.Name.Position;
        if (!table.TryAdd(draft.Name, draft))
        {
            var reason = draft.Kind switch
            {
                DeclarationKind.Interface => $"duplicate interface: {draft.Name}",
                DeclarationKind.Node => $"duplicate node type: {draft.Name}",
                _ => $"duplicate edge type: {draft.Name}",
            };
            SchemaThrow.Catalog(ErrorCodes.SchemaDuplicateType, position, reason);
        }

        if (draft.Kind == DeclarationKind.Edge && !_edgesFolded.TryAdd(draft.Name, draft))
        {
            // Traversals and JSONL match edge names case-insensitively, so two such names would be ambiguous.
            var other = _edgesFolded[draft.Name];
            SchemaThrow.Catalog(
                ErrorCodes.SchemaNameCollision,
                position,
                $"edge name collision after case folding: '{other.Name}' and '{draft.Name}'");
        }
    }

    private EdgeCardinality ReadCardinality(TypeDraft draft, CardinalitySyntax? syntax)
    {
        if (syntax is null)
        {
            return EdgeCardinality.Default;
        }

        var min = ReadCount(syntax.Min, syntax.Position);
        uint? max = syntax.Max is null ? null : ReadCount(syntax.Max, syntax.Position);
        if (max is { } upper && min > upper)
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaInvalidConstraint, syntax.Position, $"cardinality min ({min}) exceeds max ({upper}) on {draft.Display}");
        }

        return new EdgeCardinality(min, max);
    }

    private static uint ReadCount(string text, SourcePosition position)
    {
        if (!IsDigits(text))
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaInvalidConstraint, position, $"cardinality bound '{text}' is not a non-negative integer");
        }

        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            SchemaThrow.Catalog(ErrorCodes.SchemaInvalidConstraint, position, $"cardinality bound {text} exceeds maximum supported ({uint.MaxValue})");
        }

        return value;
    }

    private void Resolve(TypeDraft draft)
    {
        switch (draft.Syntax)
        {
            case EdgeDeclarationSyntax edge:
                if (!_nodes.ContainsKey(edge.From.Text))
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaUnknownType, edge.From.Position, $"edge {draft.Name} references unknown source type: {edge.From.Text}");
                }

                if (!_nodes.ContainsKey(edge.To.Text))
                {
                    SchemaThrow.Catalog(ErrorCodes.SchemaUnknownType, edge.To.Position, $"edge {draft.Name} references unknown target type: {edge.To.Text}");
                }

                break;
            case NodeDeclarationSyntax node:
                ImplementInterfaces(draft, node);
                break;
            default:
                // Interfaces are only checked where they are implemented: their @embed sources may come from the node.
                return;
        }

        CheckEmbedSources(draft);
        BuildConstraints(draft);
        CheckDefaults(draft);
    }

    private void ImplementInterfaces(TypeDraft draft, NodeDeclarationSyntax node)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in node.Implements)
        {
            if (!seen.Add(name.Text))
            {
                SchemaThrow.Catalog(ErrorCodes.SchemaInterfaceConflict, name.Position, $"node {draft.Name} implements interface '{name.Text}' more than once");
            }

            if (!_interfaces.TryGetValue(name.Text, out var contract))
            {
                SchemaThrow.Catalog(ErrorCodes.SchemaUnknownType, name.Position, $"node {draft.Name} implements unknown interface '{name.Text}'");
            }

            foreach (var property in contract.Properties)
            {
                if (draft.PropertiesByName.TryGetValue(property.Name, out var existing))
                {
                    // The node's own declaration (or an earlier interface's copy) stands; only the type must agree.
                    if (existing.Type != property.Type)
                    {
                        SchemaThrow.Catalog(
                            ErrorCodes.SchemaInterfaceConflict,
                            name.Position,
                            $"node {draft.Name} property '{property.Name}' has type {existing.Type.DisplayName} but interface {contract.Name} declares it as {property.Type.DisplayName}");
                    }
                }
                else
                {
                    draft.Add(property.InjectFrom(contract.Name));
                }
            }
        }
    }

    private static void CheckEmbedSources(TypeDraft draft)
    {
        foreach (var property in draft.Properties)
        {
            if (property.Annotations.Embed is not { } embed)
            {
                continue;
            }

            if (!draft.PropertiesByName.TryGetValue(embed.SourceProperty, out var source))
            {
                SchemaThrow.Catalog(
                    ErrorCodes.SchemaInvalidAnnotation,
                    property.EmbedPosition,
                    $"@embed on {draft.Name}.{property.Name} references unknown source property '{embed.SourceProperty}'");
            }

            if (!source.Type.IsString)
            {
                SchemaThrow.Catalog(
                    ErrorCodes.SchemaInvalidAnnotation,
                    property.EmbedPosition,
                    $"@embed source property {draft.Name}.{source.Name} must be String (found {source.Type.DisplayName})");
            }
        }
    }

    private SchemaCatalog Freeze(ulong nextStableId)
    {
        var interfaces = new List<InterfaceType>();
        var nodes = new List<NodeType>();
        var nodesByName = new Dictionary<string, NodeType>(StringComparer.Ordinal);
        foreach (var draft in _drafts)
        {
            if (draft.Kind == DeclarationKind.Interface)
            {
                interfaces.Add(new InterfaceType(draft.Name, draft.StableId, FreezeProperties(draft)));
            }
            else if (draft.Syntax is NodeDeclarationSyntax syntax)
            {
                var implements = syntax.Implements.Select(static n => n.Text).ToImmutableArray();
                var node = new NodeType(draft.Name, draft.StableId, implements, FreezeProperties(draft), [.. draft.Constraints], draft.Metadata);
                nodes.Add(node);
                nodesByName.Add(node.Name, node);
            }
        }

        var edges = new List<EdgeType>();
        foreach (var draft in _drafts)
        {
            if (draft.Syntax is EdgeDeclarationSyntax syntax)
            {
                edges.Add(new EdgeType(
                    draft.Name,
                    draft.StableId,
                    nodesByName[syntax.From.Text],
                    nodesByName[syntax.To.Text],
                    draft.Cardinality,
                    FreezeProperties(draft),
                    [.. draft.Constraints],
                    draft.Metadata));
            }
        }

        return new SchemaCatalog([.. interfaces], [.. nodes], [.. edges], nextStableId);
    }

    private static ImmutableArray<Property> FreezeProperties(TypeDraft draft)
    {
        var properties = new Property[draft.Properties.Count];
        for (var i = 0; i < properties.Length; i++)
        {
            var p = draft.Properties[i];
            properties[i] = new Property(p.Name, p.StableId, p.Type, i, p.Annotations, p.InheritedFrom);
        }

        return [.. properties];
    }
}
