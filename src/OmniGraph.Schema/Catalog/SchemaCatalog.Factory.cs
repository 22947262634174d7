using System.Text.Json.Serialization.Metadata;
using OmniGraph.Schema.Building;
using OmniGraph.Schema.Ir;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema;

public sealed partial class SchemaCatalog
{
    /// <summary>
    /// Parses and validates <c>.pg</c> source. Without <paramref name="previous"/>, stable ids are minted in
    /// declaration order starting at 1; with it, every type and property that matches a previous one by name
    /// (or by <c>@rename_from</c>) keeps its id and new ones are minted above the previous high-water mark.
    /// </summary>
    /// <exception cref="SchemaException">A parse error or the first violated catalog rule.</exception>
    public static SchemaCatalog Compile(string source, SchemaIr? previous = null) =>
        Build(SchemaParser.Parse(source), previous);

    /// <summary>Validates a parsed document; see <see cref="Compile"/> for identity assignment.</summary>
    /// <exception cref="SchemaException">The first violated catalog rule.</exception>
    public static SchemaCatalog Build(SchemaDocument document, SchemaIr? previous = null) =>
        CatalogBuilder.Build(document, previous);

    /// <summary>
    /// Rebuilds a catalog from its IR. Every catalog rule runs again, and the IR must be exactly the image of
    /// the catalog it describes (ids, derived properties and constraints), so a hand-edited inconsistent IR
    /// is refused rather than half-trusted.
    /// </summary>
    /// <exception cref="SchemaException">Code <c>schema_invalid_ir</c>.</exception>
    public static SchemaCatalog FromIr(SchemaIr ir)
    {
        ArgumentNullException.ThrowIfNull(ir);
        if (ir.FormatVersion != SchemaIr.CurrentFormatVersion)
        {
            SchemaThrow.InvalidIr($"unsupported format version {ir.FormatVersion} (this build reads version {SchemaIr.CurrentFormatVersion})");
        }

        var document = SchemaIrSyntax.ToDocument(ir);
        SchemaCatalog catalog;
        try
        {
            catalog = CatalogBuilder.Build(document, ir);
        }
        catch (SchemaException exception) when (exception.Code != ErrorCodes.SchemaInvalidIr)
        {
            SchemaThrow.InvalidIr($"the IR describes an invalid schema: {exception.Reason}", exception);
            throw;
        }

        var expected = SchemaIrSerializer.SerializeToUtf8Bytes(ir);
        if (!catalog.CanonicalIrUtf8.Span.SequenceEqual(expected))
        {
            SchemaThrow.InvalidIr($"the IR is not the exact image of the schema it declares ({DescribeFirstDifference(ir, catalog.ToIr())})");
        }

        return catalog;
    }

    /// <summary>Reads IR JSON and rebuilds the catalog; see <see cref="FromIr"/>.</summary>
    /// <exception cref="SchemaException">Code <c>schema_invalid_ir</c>.</exception>
    public static SchemaCatalog FromIrJson(ReadOnlySpan<byte> utf8Json) => FromIr(SchemaIrSerializer.Deserialize(utf8Json));

    /// <summary>Reads IR JSON and rebuilds the catalog; see <see cref="FromIr"/>.</summary>
    /// <exception cref="SchemaException">Code <c>schema_invalid_ir</c>.</exception>
    public static SchemaCatalog FromIrJson(string json) => FromIr(SchemaIrSerializer.Deserialize(json));

    private static string DescribeFirstDifference(SchemaIr stored, SchemaIr rebuilt)
    {
        var context = SchemaIrJsonContext.Default;
        var difference =
            FirstDifference(stored.Interfaces, rebuilt.Interfaces, static i => $"interface {i.Name}", context.InterfaceIr)
            ?? FirstDifference(stored.NodeTypes, rebuilt.NodeTypes, static n => $"node {n.Name}", context.NodeTypeIr)
            ?? FirstDifference(stored.EdgeTypes, rebuilt.EdgeTypes, static e => $"edge {e.Name}", context.EdgeTypeIr);
        return difference
            ?? (stored.NextStableId != rebuilt.NextStableId
                ? $"next_stable_id is {stored.NextStableId}, expected {rebuilt.NextStableId}"
                : "declarations differ");
    }

    private static string? FirstDifference<T>(
        IReadOnlyList<T> stored,
        IReadOnlyList<T> rebuilt,
        Func<T, string> describe,
        JsonTypeInfo<T> typeInfo)
    {
        for (var i = 0; i < Math.Min(stored.Count, rebuilt.Count); i++)
        {
            var a = SchemaIrSerializer.SerializeToUtf8Bytes(stored[i], typeInfo);
            var b = SchemaIrSerializer.SerializeToUtf8Bytes(rebuilt[i], typeInfo);
            if (!a.AsSpan().SequenceEqual(b))
            {
                return $"first difference in {describe(stored[i])}";
            }
        }

        return stored.Count != rebuilt.Count ? "declaration counts differ" : null;
    }
}
