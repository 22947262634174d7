using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A mutation query: statements executed in order with read-your-writes, published as one atomic commit (none
/// when nothing changed).
/// </summary>
public sealed class MutationQuery : CompiledQuery
{
    internal MutationQuery(
        string name,
        SourcePosition position,
        string? description,
        string? instruction,
        ImmutableArray<QueryParameter> parameters,
        ImmutableArray<QueryParameter> referencedParameters,
        bool usesNow,
        SchemaCatalog schema,
        ImmutableArray<MutationStatement> statements,
        MutationEffect effect)
        : base(name, position, description, instruction, parameters, referencedParameters, usesNow, schema)
    {
        Statements = statements;
        Effect = effect;
    }

    /// <inheritdoc />
    public override QueryKind Kind => QueryKind.Mutation;

    /// <summary>The statements in source order.</summary>
    public ImmutableArray<MutationStatement> Statements { get; }

    /// <summary>
    /// Constructive (inserts and updates only) or destructive (deletes only). A query mixing both is rejected
    /// at compile time (rule D2), so this is always one of the two.
    /// </summary>
    public MutationEffect Effect { get; }
}

/// <summary>The D2 class of a mutation query.</summary>
public enum MutationEffect : byte
{
    /// <summary>Only <c>insert</c> and <c>update</c> statements.</summary>
    Constructive,

    /// <summary>Only <c>delete</c> statements.</summary>
    Destructive,
}
