using OmniGraph.Schema;

namespace OmniGraph.Server.Queries;

/// <summary>
/// Schema apply as the CLI and the server run it: the plan, then every stored query type-checked against the desired
/// schema (a change that breaks one is refused with <c>schema_apply_breaks_stored_query</c> naming it, before anything is
/// written), then the apply, bound to the head the plan was made on (a write in between is <c>precondition_failure</c>,
/// so the queries were checked against the change that is applied).
/// </summary>
public static class StoredQueryGuardedSchemaApply
{
    /// <summary>Applies <paramref name="request"/> through <paramref name="schemas"/> unless it breaks a query of <paramref name="queries"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>schema_apply_breaks_stored_query</c>, and those of <see cref="ISchemaApplyGrain.ApplyAsync"/>.</exception>
    public static async Task<SchemaApplyOutput> ApplyAsync(ISchemaApplyGrain schemas, StoredQueryCatalog queries, SchemaApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(request);
        var plan = await schemas.PlanAsync(request, cancellationToken).ConfigureAwait(false);
        if (plan.Supported)
        {
            var failures = await queries.CheckAsync(SchemaCatalog.Compile(request.SchemaSource), cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                throw EngineErrors.SchemaApplyBreaksStoredQuery(failures[0].Name, failures[0].Error);
            }
        }

        return await schemas.ApplyAsync(request with { ExpectedHeadCommit = request.ExpectedHeadCommit ?? plan.CommitId }, cancellationToken).ConfigureAwait(false);
    }
}
