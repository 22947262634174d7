using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Query;

/// <summary>
/// What a query declaration says about itself before type checking: name, kind, parameters and annotations
/// (for listings such as <c>queries list</c>).
/// </summary>
public sealed class QueryDeclarationInfo
{
    internal QueryDeclarationInfo(string name, QueryKind kind, ImmutableArray<QueryParameter> parameters, string? description, string? instruction, SourcePosition position)
    {
        Name = name;
        Kind = kind;
        Parameters = parameters;
        Description = description;
        Instruction = instruction;
        Position = position;
    }

    /// <summary>The query name.</summary>
    public string Name { get; }

    /// <summary>Read or mutation.</summary>
    public QueryKind Kind { get; }

    /// <summary>Declared parameters in order.</summary>
    public ImmutableArray<QueryParameter> Parameters { get; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; }

    /// <summary><c>@instruction</c> text, if any.</summary>
    public string? Instruction { get; }

    /// <summary>Where the declaration starts.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} query {Name}({string.Join(", ", Parameters)})";
}
