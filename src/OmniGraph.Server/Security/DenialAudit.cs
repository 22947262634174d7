using Microsoft.Extensions.Logging;
using OmniGraph.Grains.Hosting;

namespace OmniGraph.Server.Security;

/// <summary>
/// Records a denied write in the graph's audit log (docs/security.md): the front-end that decided appends it, with no
/// commit, so each denial is its own entry. Allowed writes are recorded by the engine with the commit they publish.
/// </summary>
internal sealed class DenialAudit(IGraphDirectory graphs, AuditLogFactory auditLogs, ILogger<DenialAudit> logger)
{
    /// <summary>Appends the denial; a failure is logged, never turned into an allow (the caller throws the denial next).</summary>
    public async Task RecordAsync(AccessDecision decision, string graphId, CancellationToken cancellationToken)
    {
        try
        {
            var store = await graphs.GetStoreAsync(graphId, cancellationToken).ConfigureAwait(false);
            await auditLogs.Create(store).AppendAsync(AuditRecord.FromDecision(decision, graphId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ServerLog.DenialNotAudited(logger, exception, graphId, decision.Request.Action.Name());
        }
    }
}
