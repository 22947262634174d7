using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A parsed and type-checked query: the typed IR that execution consumes. Immutable and free of parameter values,
/// so one instance (cached per query text, query name and schema hash) serves every execution; values are bound
/// separately (<see cref="Parameters.QueryParameterBinder"/>).
/// </summary>
/// <remarks>
/// Every type, edge and property reference points into <see cref="Schema"/>, the catalog the query was compiled
/// against; execution must resolve tables through that catalog (or one with the same
/// <see cref="SchemaCatalog.ContentHash"/>).
/// </remarks>
public abstract class CompiledQuery
{
    private protected CompiledQuery(
        string name,
        SourcePosition position,
        string? description,
        string? instruction,
        ImmutableArray<QueryParameter> parameters,
        ImmutableArray<QueryParameter> referencedParameters,
        bool usesNow,
        SchemaCatalog schema)
    {
        Name = name;
        Position = position;
        Description = description;
        Instruction = instruction;
        Parameters = parameters;
        ReferencedParameters = referencedParameters;
        UsesNow = usesNow;
        Schema = schema;
    }

    /// <summary>The query name.</summary>
    public string Name { get; }

    /// <summary>Where the declaration starts in the source.</summary>
    public SourcePosition Position { get; }

    /// <summary>Read or mutation; the concrete type is <see cref="ReadQuery"/> or <see cref="MutationQuery"/>.</summary>
    public abstract QueryKind Kind { get; }

    /// <summary><c>@description</c> text, if any.</summary>
    public string? Description { get; }

    /// <summary><c>@instruction</c> text, if any.</summary>
    public string? Instruction { get; }

    /// <summary>Declared parameters in declaration order (<see cref="QueryParameter.Ordinal"/> is the index).</summary>
    public ImmutableArray<QueryParameter> Parameters { get; }

    /// <summary>
    /// Parameters the body uses, in declaration order. A required one of these missing from the supplied values
    /// is an error (<c>parameter 'x' not provided</c>); an unreferenced one may be omitted.
    /// </summary>
    public ImmutableArray<QueryParameter> ReferencedParameters { get; }

    /// <summary><c>true</c> when the body calls <c>now()</c>; the bound values then carry one timestamp for the whole query.</summary>
    public bool UsesNow { get; }

    /// <summary>The catalog the query was type-checked against.</summary>
    public SchemaCatalog Schema { get; }

    /// <summary>Finds a declared parameter by name (without <c>$</c>).</summary>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out QueryParameter? parameter)
    {
        foreach (var candidate in Parameters)
        {
            if (candidate.Name == name)
            {
                parameter = candidate;
                return true;
            }
        }

        parameter = null;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} query {Name}";
}
