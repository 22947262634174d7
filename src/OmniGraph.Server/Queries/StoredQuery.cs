using OmniGraph.Query;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Server.Queries;

/// <summary>
/// One stored (named) query of a graph: the <c>.gq</c> source it was registered from and the declaration named
/// <see cref="Name"/> in it (its kind, parameters, <c>@description</c> and <c>@instruction</c>).
/// </summary>
/// <param name="Source">The source text it was registered from (it may declare other queries too).</param>
/// <param name="Declaration">The declaration of this query in <paramref name="Source"/>.</param>
public sealed record StoredQuery(string Source, QueryDeclarationInfo Declaration)
{
    /// <summary>The query's name.</summary>
    public string Name => Declaration.Name;

    /// <summary>
    /// The name of its Model Context Protocol tool: the query's name, which is already a valid tool name (an identifier
    /// of letters, digits and underscores) and unique in the graph.
    /// </summary>
    public string ToolName => Declaration.Name;

    /// <summary>Whether it is a mutation.</summary>
    public bool IsMutation => Declaration.Kind == QueryKind.Mutation;

    /// <summary>Its catalogue entry (operations.md §2.5 <c>QueriesCatalogOutput</c>).</summary>
    public StoredQueryEntry ToEntry() => new(
        Name,
        ToolName,
        IsMutation,
        [.. Declaration.Parameters.Select(static p => Describe(p.Name, p.Type))],
        Declaration.Description,
        Declaration.Instruction);

    /// <summary>A parameter's wire kind: <c>string, bool, int, bigint, float, date, datetime, blob, vector, list</c>.</summary>
    public static string KindOf(ScalarKind scalar) => scalar switch
    {
        ScalarKind.Bool => "bool",
        ScalarKind.I32 or ScalarKind.U32 => "int",
        ScalarKind.I64 or ScalarKind.U64 => "bigint",
        ScalarKind.F32 or ScalarKind.F64 => "float",
        ScalarKind.Date => "date",
        ScalarKind.DateTime => "datetime",
        ScalarKind.Blob => "blob",
        _ => "string",
    };

    private static StoredQueryParam Describe(string name, PropertyType type) => type.Kind switch
    {
        PropertyTypeKind.List => new(name, "list", KindOf(type.Scalar), null, type.IsNullable),
        PropertyTypeKind.Vector => new(name, "vector", null, type.VectorDimension, type.IsNullable),
        _ => new(name, KindOf(type.Scalar), null, null, type.IsNullable),
    };
}
