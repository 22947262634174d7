using System.Collections.Immutable;

namespace OmniGraph.Schema.Migration;

/// <summary>
/// What applying a desired schema to an accepted one does (<see cref="SchemaMigrationPlanner"/>): the ordered steps, and the
/// desired schema compiled against the accepted one's stable identities.
/// </summary>
/// <param name="Accepted">The schema the graph has now.</param>
/// <param name="Desired">The desired schema, each declaration keeping the identity the accepted one gave it.</param>
/// <param name="Steps">The steps, in the planner's order (interfaces, then node types, then edge types; per type its own steps, then its properties').</param>
public sealed record SchemaMigrationPlan(SchemaCatalog Accepted, SchemaCatalog Desired, ImmutableArray<SchemaMigrationStep> Steps)
{
    /// <summary>Whether every step is supported (a plan with an <see cref="SchemaMigrationStepKind.UnsupportedChange"/> is not).</summary>
    public bool Supported => !Steps.Any(static s => s.Kind == SchemaMigrationStepKind.UnsupportedChange);

    /// <summary>Whether the desired schema changes nothing (the same IR).</summary>
    public bool IsNoOp => Steps.IsEmpty && string.Equals(Accepted.ContentHash, Desired.ContentHash, StringComparison.Ordinal);

    /// <summary>The unsupported changes.</summary>
    public IEnumerable<SchemaMigrationStep> Unsupported => Steps.Where(static s => s.Kind == SchemaMigrationStepKind.UnsupportedChange);
}
