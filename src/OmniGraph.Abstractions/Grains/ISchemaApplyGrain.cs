namespace OmniGraph.Abstractions;

/// <summary>
/// Schema evolution of a graph (key: the graph id; docs/schema-language.md, "Changing the schema"): plan a desired
/// schema against the accepted one, and apply a fully supported plan as one commit on main.
/// </summary>
public interface ISchemaApplyGrain : IGrainWithStringKey
{
    /// <summary>The plan that takes main's schema to the desired one. Reads only.</summary>
    /// <exception cref="OmniGraphException">The desired source's schema errors; <c>schema_rename_unknown</c>.</exception>
    Task<SchemaApplyOutput> PlanAsync(SchemaApplyRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the plan as one atomic commit on main (kind <c>schema_apply</c>): tables whose stored layout changes are
    /// rewritten under the new schema, every other table keeps its version. Nothing is written when the plan is a no-op.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>schema_change_unsupported</c> (each unsupported step listed), <c>schema_rename_unknown</c>,
    /// <c>schema_apply_branches_exist</c>, <c>protected_branch</c> (main is protected), <c>forbidden</c>, <c>precondition_failure</c>.</exception>
    Task<SchemaApplyOutput> ApplyAsync(SchemaApplyRequest request, CancellationToken cancellationToken = default);
}
